import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  UI_LOCALES,
  type LoginBody,
  type RefreshBody,
  type RegisterBody,
  type UiLocale,
} from '@tandem/domain';
import { Transform } from 'class-transformer';
import { PlainText } from '../../platform/http/validation';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

export class RegisterDto implements RegisterBody {
  @ApiProperty({ example: 'amira@example.org' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, {
    message: `password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
  })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ example: 'Amira Haddad' })
  @Transform(trim)
  @IsString()
  @Length(1, DISPLAY_NAME_MAX_LENGTH)
  @PlainText()
  displayName: string;

  @ApiPropertyOptional({
    enum: UI_LOCALES,
    description: 'the UI language; without it, the best of Accept-Language, else en',
  })
  @IsOptional()
  @IsIn(UI_LOCALES, { message: `locale must be one of: ${UI_LOCALES.join(', ')}` })
  locale?: UiLocale;
}

export class LoginDto implements LoginBody {
  @ApiProperty()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH)
  password: string;
}

export class RefreshDto implements RefreshBody {
  @ApiProperty()
  @IsString()
  @Length(16, 200)
  refreshToken: string;
}
