import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DISPLAY_NAME_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  ISO_639_1_CODES,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  READING_LANGUAGES_MAX,
  UI_LOCALES,
  type ChangeEmailBody,
  type ChangePasswordBody,
  type PasswordResetBody,
  type PasswordResetConfirmBody,
  type UiLocale,
  type UpdateProfileBody,
  type VerifyEmailBody,
} from '@tandem/domain';
import { Transform } from 'class-transformer';
import { PlainText } from '../../platform/http/validation';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  MinLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** "FR " → "fr": codes are stored in lower case (anything not a string is left to fail). */
const lowerCaseEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? value.map((item: unknown) => (typeof item === 'string' ? item.trim().toLowerCase() : item))
    : value;

/** Account tokens are 43 base64url characters; anything far from that is not one. */
const TOKEN_LENGTH = { min: 16, max: 200 };

function NewPassword(name: string): PropertyDecorator {
  return (target, key) => {
    IsString({ message: `${name} must be a string` })(target, key);
    MinLength(PASSWORD_MIN_LENGTH, {
      message: `${name} must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    })(target, key);
    MaxLength(PASSWORD_MAX_LENGTH)(target, key);
  };
}

export class PasswordResetDto implements PasswordResetBody {
  @ApiProperty({ example: 'amira@example.org' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;
}

export class PasswordResetConfirmDto implements PasswordResetConfirmBody {
  @ApiProperty({ description: 'the token from the link in the mail' })
  @IsString()
  @Length(TOKEN_LENGTH.min, TOKEN_LENGTH.max)
  token: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, description: 'the new password' })
  @NewPassword('password')
  password: string;
}

export class VerifyEmailDto implements VerifyEmailBody {
  @ApiProperty({ description: 'the token from the link in the mail' })
  @IsString()
  @Length(TOKEN_LENGTH.min, TOKEN_LENGTH.max)
  token: string;
}

export class UpdateProfileDto implements UpdateProfileBody {
  @ApiPropertyOptional({ example: 'Amira Haddad', maxLength: DISPLAY_NAME_MAX_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, DISPLAY_NAME_MAX_LENGTH)
  @PlainText()
  displayName?: string;

  @ApiPropertyOptional({ enum: UI_LOCALES, description: 'the UI language, also used for mail' })
  @IsOptional()
  @IsIn(UI_LOCALES, { message: `locale must be one of: ${UI_LOCALES.join(', ')}` })
  locale?: UiLocale;

  @ApiPropertyOptional({
    type: [String],
    example: ['en', 'fr'],
    description: 'ISO 639-1 codes of the languages this person reads',
  })
  @IsOptional()
  @Transform(lowerCaseEach)
  @IsArray()
  @ArrayMaxSize(READING_LANGUAGES_MAX)
  @IsString({ each: true })
  @IsIn(ISO_639_1_CODES, {
    each: true,
    message: 'readingLanguages must hold ISO 639-1 codes such as "en"',
  })
  readingLanguages?: string[];
}

export class ChangePasswordDto implements ChangePasswordBody {
  @ApiProperty()
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'currentPassword is required' })
  currentPassword: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH })
  @NewPassword('newPassword')
  newPassword: string;
}

export class ChangeEmailDto implements ChangeEmailBody {
  @ApiProperty({ example: 'amira@example.org', description: 'the new address' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(EMAIL_MAX_LENGTH)
  email: string;

  @ApiProperty({ description: 'the current password, to confirm' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'password is required' })
  password: string;
}
