import { Injectable, Logger } from '@nestjs/common';
import { isCoordinator, type NotificationKind } from '@tandem/domain';
import { DataSource } from 'typeorm';
import { EVENTS, PairingUpdatedEvent } from '../platform/events/domain-events';
import { DomainEvents } from '../platform/events/domain-event-bus';
import { NotificationsService } from '../notifications/notifications.service';
import { sideOf } from './mentoring-access';
import { MentoringRepository } from './mentoring.repository';
import { pairingTitle } from './mentoring-views';
import { PairingViewService } from './pairing-view.service';

/** Who hears about a change, and how. Runs after the change has committed. */
export interface Publication {
  pairingId: string;
  kind?: NotificationKind;
  /** Notified (the actor is left out); everyone involved gets `pairing:updated` regardless. */
  notify?: string[];
  actorId: string | null;
  excerpt?: string;
}

/** Tells the people involved in a pairing that it changed. */
@Injectable()
export class PairingPublisher {
  private readonly logger = new Logger('PairingPublisher');

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MentoringRepository,
    private readonly views: PairingViewService,
    private readonly notifications: NotificationsService,
    private readonly events: DomainEvents,
  ) {}

  /**
   * After a committed change: notifies the people concerned (never the actor) and sends each
   * person involved — the pair and the proposing coordinator, while they can still read the
   * pairing — their own view of it over `pairing:updated`. A failure here is logged, not
   * thrown: the change is saved, and answering with an error would make the client retry it.
   */
  async publish(publication: Publication): Promise<void> {
    try {
      const manager = this.dataSource.manager;
      const { pairing, network } = await this.repository.pairingWithNetwork(
        manager,
        publication.pairingId,
      );
      const involved = [
        ...new Set(
          [pairing.mentorId, pairing.menteeId, pairing.proposedBy].filter(
            (id): id is string => id !== null,
          ),
        ),
      ];
      const deliveries: PairingUpdatedEvent['deliveries'] = [];
      const readers = new Set<string>();
      for (const userId of involved) {
        const standing = await this.repository.standing(manager, pairing.networkId, userId);
        const access = { standing, side: sideOf(pairing, userId) };
        if (standing === null || (access.side === null && !isCoordinator(standing))) continue;
        readers.add(userId);
        deliveries.push({
          userId,
          pairing: await this.views.view(manager, { pairing, network, access }, userId),
        });
      }
      const event: PairingUpdatedEvent = { deliveries };
      this.events.committed(EVENTS.pairingUpdated, event);
      if (publication.kind) {
        const recipients = (publication.notify ?? []).filter(
          (id) => id !== publication.actorId && readers.has(id),
        );
        const mentor = deliveries[0]?.pairing.mentor.displayName ?? '';
        const mentee = deliveries[0]?.pairing.mentee.displayName ?? '';
        const actor = publication.actorId
          ? await this.repository.userBrief(manager, publication.actorId)
          : null;
        await this.notifications.notify({
          userIds: recipients,
          kind: publication.kind,
          networkId: pairing.networkId,
          subject: { type: 'pairing', id: pairing.id, title: pairingTitle(mentor, mentee) },
          actor: actor
            ? {
                kind: 'named',
                userId: actor.id,
                displayName: actor.displayName,
                handle: actor.handle,
                organisationLabel: null,
                organisationLabelCode: null,
              }
            : null,
          excerpt: publication.excerpt ?? '',
        });
      }
    } catch (error) {
      this.logger.error(
        `Publishing a pairing change failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
