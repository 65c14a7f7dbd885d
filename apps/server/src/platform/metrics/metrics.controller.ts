import { Controller, Get, RequestMethod, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../http/public.decorator';
import { MetricsService } from './metrics.service';
import { MetricsTokenGuard } from './metrics-token.guard';

/** Outside `/api`, where Prometheus looks by default; createApp keeps the prefix off it. */
export const METRICS_ROUTE = { path: 'metrics', method: RequestMethod.GET };

@ApiTags('operations')
@Controller(METRICS_ROUTE.path)
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  /** Prometheus text format. Bearer METRICS_TOKEN when it is set; public otherwise. */
  @Public()
  @UseGuards(MetricsTokenGuard)
  @Get()
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus exposition format', type: String })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.metrics.render();
    void reply.type(this.metrics.contentType);
    return body;
  }
}
