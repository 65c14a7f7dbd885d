import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthView, LivenessView, ReadinessView } from '@tandem/domain';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { APP_CONFIG, AppConfig } from '../config/configuration';
import { ReadinessService } from './readiness.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readiness: ReadinessService,
  ) {}

  /** 200 when Postgres answers within two seconds, 503 otherwise (for load balancers). */
  @Public()
  @Get()
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthView> {
    const up = await Promise.race([
      this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2000).unref()),
    ]);
    if (!up) void reply.status(503);
    return {
      status: up ? 'ok' : 'degraded',
      database: up ? 'up' : 'down',
      version: this.config.version,
    };
  }

  /** The process is up and its event loop turns. Asks nothing else: an outage of Postgres or
   * Redis is no reason to restart the process, which liveness failures lead to. */
  @Public()
  @Get('live')
  live(): LivenessView {
    return { status: 'ok', version: this.config.version };
  }

  /** 200 when this process can serve traffic; 503 naming the failing checks otherwise. */
  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessView> {
    const view = await this.readiness.check();
    if (view.status !== 'ready') void reply.status(503);
    return view;
  }
}
