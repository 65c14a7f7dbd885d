import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_MAX_LENGTH, type DeleteAccountBody } from '@tandem/domain';
import { IsString, Length } from 'class-validator';

export class DeleteAccountDto implements DeleteAccountBody {
  @ApiProperty({ description: 'the current password, to confirm' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH, { message: 'password is required to delete the account' })
  password: string;
}
