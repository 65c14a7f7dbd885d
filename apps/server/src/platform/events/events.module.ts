import { Global, Module } from '@nestjs/common';
import { DomainEvents } from './domain-event-bus';

/** Global: every feature publishes through the same typed bus. */
@Global()
@Module({
  providers: [DomainEvents],
  exports: [DomainEvents],
})
export class EventsModule {}
