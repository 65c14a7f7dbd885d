import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tandem:isPublic';

/** Opts a route out of the global authentication guard. Every other route needs a token. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
