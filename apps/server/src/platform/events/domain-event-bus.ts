import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { DataSource, EntityManager } from 'typeorm';
import type { DomainEventMap, DomainEventName } from './domain-events';

/** One queued event: a name and the payload its name requires. */
type Queued = { [K in DomainEventName]: { name: K; payload: DomainEventMap[K] } }[DomainEventName];

/**
 * The events a unit of work raises while its transaction is open. They are held until the
 * transaction commits and then published in order; on a rollback they are dropped, so a client
 * can never see a write that did not happen.
 */
export class PendingEvents {
  private readonly queued: Queued[] = [];
  private readonly followUps: (() => Promise<void>)[] = [];

  add<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.queued.push({ name, payload } as Queued);
  }

  /**
   * Work to do once the transaction has committed and its events are out (notifications,
   * mail). Its failure is logged and never turns the committed write into an error.
   */
  then(work: () => Promise<void>): void {
    this.followUps.push(work);
  }

  /** @internal DomainEvents drains the queue after the commit. */
  drain(): { events: Queued[]; followUps: (() => Promise<void>)[] } {
    return { events: this.queued.splice(0), followUps: this.followUps.splice(0) };
  }
}

/**
 * The internal event bus, typed by DomainEventMap. There are two ways to publish, and both say
 * when: `transaction` publishes what its work queued after the commit, and `committed` is for
 * a write that has already committed (or a single auto-committed statement). Nothing offers a
 * bare emit that could run inside an open transaction.
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger(DomainEvents.name);

  constructor(
    private readonly emitter: EventEmitter2,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Runs `work` in one transaction; the events and follow-ups it queues are published once the
   * transaction has committed, in the order queued, and dropped if it rolls back.
   */
  async transaction<T>(
    work: (manager: EntityManager, events: PendingEvents) => Promise<T>,
  ): Promise<T> {
    const pending = new PendingEvents();
    const result = await this.dataSource.transaction((manager) => work(manager, pending));
    await this.publishPending(pending);
    return result;
  }

  /** Publishes an event about a write that has already committed. */
  committed<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.emitter.emit(name, payload);
  }

  /** Publishes what a unit of work queued, after the caller's own commit. */
  async publishPending(pending: PendingEvents): Promise<void> {
    const { events, followUps } = pending.drain();
    for (const event of events) this.emitter.emit(event.name, event.payload);
    for (const work of followUps) await this.afterCommit(work);
  }

  /**
   * Follow-up work of a committed write. Its failure must not turn a saved change into an
   * error for the person who made it, who would then retry for nothing.
   */
  async afterCommit(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.logger.error(
        `After-commit work failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** Subscribes a method to a domain event; the name is checked against DomainEventMap. */
export function OnDomainEvent(
  name: DomainEventName,
  options?: Parameters<typeof OnEvent>[1],
): MethodDecorator {
  return OnEvent(name, options);
}
