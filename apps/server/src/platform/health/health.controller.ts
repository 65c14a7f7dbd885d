import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { HealthView } from '@tandem/domain';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../http/public.decorator';
import { APP_CONFIG, AppConfig } from '../config/configuration';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
}
