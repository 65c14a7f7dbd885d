import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTRIBUTIONS,
  CLIENT_ID_MAX_LENGTH,
  MESSAGE_MAX_LENGTH,
  PAGE_SIZE_MAX,
  THREAD_TITLE_MAX_LENGTH,
  TOPICS,
  TOPICS_MAX,
  type Attribution,
  type ChannelRoomPayload,
  type CreateThreadBody,
  type EditMessageBody,
  type MarkReadBody,
  type MessageSendPayload,
  type PostMessageBody,
  type ThreadJoinPayload,
  type ThreadReadPayload,
  type ThreadRoomPayload,
  type Topic,
  UI_LOCALES,
  type UiLocale,
} from '@tandem/domain';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { PageQuery } from '../../platform/http/pagination';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const CLIENT_ID = /^[A-Za-z0-9_.:-]+$/;
/** Seqs are Postgres integers: a larger number is refused here, not by the driver (a 500). */
const SEQ_MAX = 2_147_483_647;
const SEQ_RANGE = { message: `$property must be at most ${SEQ_MAX}` };

export class MessageBodyDto {
  @ApiProperty({
    maxLength: MESSAGE_MAX_LENGTH,
    description: 'Markdown; rendered without raw HTML',
  })
  @IsString()
  @Length(1, MESSAGE_MAX_LENGTH, { message: `body must be 1 to ${MESSAGE_MAX_LENGTH} characters` })
  @Matches(/\S/, { message: 'body must not be blank' })
  body: string;
}

export class CreateThreadDto extends MessageBodyDto implements CreateThreadBody {
  @ApiProperty({ example: 'Volunteer mentors: how do you keep them past the first year?' })
  @Transform(trim)
  @IsString()
  @Length(1, THREAD_TITLE_MAX_LENGTH)
  title: string;

  @ApiProperty({
    enum: ATTRIBUTIONS,
    description: 'chatham: posts are shown by organisation type and level only',
  })
  @IsIn(ATTRIBUTIONS, { message: `attribution must be one of: ${ATTRIBUTIONS.join(', ')}` })
  attribution: Attribution;

  @ApiPropertyOptional({ enum: TOPICS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(TOPICS_MAX)
  @ArrayUnique()
  @IsIn(TOPICS, { each: true, message: 'each topic must be one of the fixed topics' })
  topics?: Topic[];

  @ApiProperty({
    description: 'chosen by the client; a retry with the same value returns the same thread',
  })
  @IsString()
  @Length(1, CLIENT_ID_MAX_LENGTH)
  @Matches(CLIENT_ID, { message: 'clientId may contain letters, digits and _ . : - only' })
  clientId: string;
}

export class PostMessageDto extends MessageBodyDto implements PostMessageBody {
  @ApiProperty({
    description: 'chosen by the client; a retry with the same value returns the same message',
  })
  @IsString()
  @Length(1, CLIENT_ID_MAX_LENGTH)
  @Matches(CLIENT_ID, { message: 'clientId may contain letters, digits and _ . : - only' })
  clientId: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'replyToId must be a UUID' })
  replyToId?: string;
}

/** The socket twin of PostMessageDto carries the thread in the payload. */
export class MessageSendDto extends PostMessageDto implements MessageSendPayload {
  @IsUUID('all', { message: 'threadId must be a UUID' })
  threadId: string;
}

export class EditMessageDto extends MessageBodyDto implements EditMessageBody {}

export class MessagesQuery {
  @ApiPropertyOptional({ description: 'return messages with seq greater than this' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX, SEQ_RANGE)
  afterSeq?: number;

  @ApiPropertyOptional({ maximum: PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  limit?: number;
}

export class ReadDto implements MarkReadBody {
  @ApiProperty()
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX, SEQ_RANGE)
  seq: number;
}

export class ThreadListQuery extends PageQuery {}

export class ThreadRoomDto implements ThreadRoomPayload {
  @IsUUID('all', { message: 'threadId must be a UUID' })
  threadId: string;
}

export class ThreadJoinDto extends ThreadRoomDto implements ThreadJoinPayload {
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX, SEQ_RANGE)
  afterSeq?: number;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX, SEQ_RANGE)
  afterChange?: number;
}

export class ThreadReadDto extends ThreadRoomDto implements ThreadReadPayload {
  @IsInt()
  @Min(0)
  @Max(SEQ_MAX, SEQ_RANGE)
  seq: number;
}

export class ChannelRoomDto implements ChannelRoomPayload {
  @IsUUID('all', { message: 'channelId must be a UUID' })
  channelId: string;
}

export class AttributionPreviewQuery {
  @ApiPropertyOptional({
    enum: UI_LOCALES,
    description: 'language of `label` (else the Accept-Language, else English)',
  })
  @IsOptional()
  @IsIn(UI_LOCALES, { message: `lang must be one of: ${UI_LOCALES.join(', ')}` })
  lang?: UiLocale;
}

export class ChannelAttributionPreviewQuery extends AttributionPreviewQuery {
  @ApiProperty({ enum: ATTRIBUTIONS, description: 'how the new thread would sign its posts' })
  @IsIn(ATTRIBUTIONS, { message: `attribution must be one of: ${ATTRIBUTIONS.join(', ')}` })
  attribution: Attribution;
}
