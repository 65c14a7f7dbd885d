import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LoadedChannelAccess } from '../channels/channel-access';
import { claimSlowModeSlot } from '../channels/slow-mode';
import { APP_CONFIG, AppConfig } from '../platform/config/configuration';
import type { Actor } from '../platform/http/actor';
import { RateLimitService } from '../platform/rate-limit/rate-limit.service';

/** How fast one may post: the rate limits of every post, and the channel's slow mode. */
@Injectable()
export class PostingAllowance {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Rate limits, then the channel's slow mode (last: a refused post must not use its slot). A
   * new thread passes no `threadId`. Call it after every other check of the post.
   */
  async consume(actor: Actor, threadId: string | null, access: LoadedChannelAccess): Promise<void> {
    const limits = this.config.rateLimits;
    await this.rateLimits.consumeAll([
      {
        key: `post:user:${actor.userId}`,
        rule: limits.postPerUser,
        message: 'You are posting too fast; wait a moment',
      },
      ...(threadId
        ? [
            {
              key: `post:thread:${threadId}:${actor.userId}`,
              rule: limits.postPerUserPerThread,
              message: 'You are posting too fast in this thread; wait a moment',
            },
          ]
        : []),
    ]);
    await claimSlowModeSlot(this.dataSource.manager, access, actor.userId);
  }
}
