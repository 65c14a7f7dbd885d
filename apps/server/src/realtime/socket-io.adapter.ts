import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { IncomingMessage } from 'node:http';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { AppConfig } from '../platform/config/configuration';
import type { MetricsService } from '../platform/metrics/metrics.service';

/**
 * socket.io on the HTTP server's port at /socket.io. With REDIS_URL, the Redis adapter joins
 * every server process's rooms, so an emit on one process reaches sockets on all of them.
 *
 * CORS does not cover WebSockets, so the handshake checks Origin itself: a browser page from
 * another origin is refused; clients that send no Origin (servers, tests) are not browsers and
 * still need a valid token.
 */
export class TandemIoAdapter extends IoAdapter {
  private adapterConstructor: ReturnType<typeof createAdapter> | null = null;
  private readonly redisClients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
    private readonly metrics?: MetricsService,
  ) {
    super(app);
  }

  async connectToRedis(): Promise<void> {
    if (!this.config.redisUrl) return;
    const publisher = new Redis(this.config.redisUrl, {
      lazyConnect: true,
      maxRetriesPerRequest: 3,
    });
    const subscriber = publisher.duplicate();
    this.redisClients.push(publisher, subscriber);
    await Promise.all([publisher.connect(), subscriber.connect()]);
    this.adapterConstructor = createAdapter(publisher, subscriber, {
      key: this.config.redisPrefix,
    });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      path: '/socket.io',
      cors: this.config.webOrigin ? { origin: this.config.webOrigin } : undefined,
      allowRequest: (request, callback) => callback(null, this.originAllowed(request)),
      // Catch-up is Tandem's own (by seq from Postgres): connection-state recovery stays off.
      maxHttpBufferSize: 100_000,
    } as ServerOptions);
    if (this.adapterConstructor) server.adapter(this.adapterConstructor);
    // This process's sockets only: each replica reports its own, Prometheus adds them up.
    this.metrics?.registerSource({ liveSockets: () => server.of('/').sockets.size });
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await Promise.all(this.redisClients.map((client) => client.quit().catch(() => undefined)));
    this.redisClients.length = 0;
  }

  private originAllowed(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    if (!origin) return true;
    if (this.config.webOrigin && origin === this.config.webOrigin) return true;
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }
}
