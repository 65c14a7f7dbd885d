import { DomainError } from '../errors';
import type { Decision, Standing } from '../networks';
import { isCoordinator, PAIRING_GOALS_MAX, type FollowUpMilestone } from './limits';
import { addMonths } from './follow-ups';
import {
  allowedPairingActions,
  type PairingAction,
  type PairingSide,
  type PairingState,
} from './pairing-states';

// --------------------------------------------------------------------------- access policies

export interface PairingAccess {
  /** The viewer's role in the pairing's network (null: not a member). */
  standing: Standing;
  /** The viewer's side in the pairing, or null when they are not one of the pair. */
  side: PairingSide | null;
}

const allow: Decision = { allowed: true };
const deny = (error: DomainError): Decision => ({ allowed: false, error });
const hiddenPairing = (): Decision => deny(new DomainError('not_found', 'Pairing not found'));

/**
 * The pair and the network's coordinators read a pairing (state, goals, sessions, calendar) —
 * everyone else, other members included, is told it does not exist. Someone who left the
 * network loses it too.
 */
export function canReadPairing(access: PairingAccess): boolean {
  if (access.standing === null) return false;
  return access.side !== null || isCoordinator(access.standing);
}

export function readPairing(access: PairingAccess): Decision {
  return canReadPairing(access) ? allow : hiddenPairing();
}

/**
 * Who may act: each side accepts or declines for itself (a coordinator cannot accept on
 * someone's behalf); either side or a coordinator completes or cancels. Whether the action fits
 * the pairing's state is the state machine's call (`nextPairingState`).
 */
export function actOnPairing(
  access: PairingAccess,
  action: PairingAction,
  acceptedAlready = false,
): Decision {
  if (!canReadPairing(access)) return hiddenPairing();
  if (action === 'accept' || action === 'decline') {
    if (access.side === null) {
      return deny(
        new DomainError('forbidden', 'Only the mentor or the mentee can accept or decline'),
      );
    }
    if (action === 'accept' && acceptedAlready) {
      return deny(new DomainError('conflict', 'You have already accepted this pairing'));
    }
  }
  return allow;
}

/**
 * The pair keep their own goals and sessions; coordinators follow them but do not write them.
 * Goals can be shaped while the pairing is proposed or active, sessions recorded while active.
 */
export function editPairingWork(
  access: PairingAccess,
  state: PairingState,
  what: 'goals' | 'sessions',
): Decision {
  if (!canReadPairing(access)) return hiddenPairing();
  if (access.side === null) {
    return deny(
      new DomainError('forbidden', `Only the mentor and the mentee change the pairing's ${what}`),
    );
  }
  const open = what === 'goals' ? state === 'proposed' || state === 'active' : state === 'active';
  if (!open) {
    return deny(
      new DomainError('conflict', `The ${what} of a ${state} pairing can no longer be changed`),
    );
  }
  return allow;
}

export function addGoals(existing: number, adding: number): Decision {
  if (existing + adding > PAIRING_GOALS_MAX) {
    return deny(
      new DomainError(
        'conflict',
        `A pairing has at most ${PAIRING_GOALS_MAX} goals; it has ${existing}`,
        { max: PAIRING_GOALS_MAX, existing },
      ),
    );
  }
  return allow;
}

export interface ProposalFacts {
  standing: Standing;
  actorId: string;
  mentorId: string;
  menteeId: string;
}

/** Coordinators propose any pairing in their network; a member proposes only as the mentee. */
export function proposePairing(facts: ProposalFacts): Decision {
  if (facts.standing === null) return deny(new DomainError('not_found', 'Network not found'));
  if (facts.mentorId === facts.menteeId) {
    return deny(
      new DomainError('bad_request', 'Invalid request: menteeId', [
        { field: 'menteeId', problems: ['the mentee must be someone other than the mentor'] },
      ]),
    );
  }
  if (!isCoordinator(facts.standing) && facts.actorId !== facts.menteeId) {
    return deny(
      new DomainError(
        'forbidden',
        'Members propose pairings for themselves as the mentee; coordinators pair others',
      ),
    );
  }
  return allow;
}

/** Suggestions are for the mentee themselves, or for a coordinator choosing for a mentee. */
export function suggestMentors(standing: Standing, actorId: string, menteeId: string): Decision {
  if (standing === null) return deny(new DomainError('not_found', 'Network not found'));
  if (actorId !== menteeId && !isCoordinator(standing)) {
    return deny(new DomainError('forbidden', 'Only coordinators see suggestions for someone else'));
  }
  return allow;
}

/** The profile list and the overview are the coordinators' tools. */
export function coordinateMentoring(standing: Standing): Decision {
  if (standing === null) return deny(new DomainError('not_found', 'Network not found'));
  if (!isCoordinator(standing)) {
    return deny(
      new DomainError('forbidden', "Only the network's moderators and admins coordinate mentoring"),
    );
  }
  return allow;
}

/** Each side gives feedback once, after the pairing was completed. */
export function giveFeedback(
  access: PairingAccess,
  state: PairingState,
  givenAlready: boolean,
): Decision {
  if (!canReadPairing(access)) return hiddenPairing();
  if (access.side === null) {
    return deny(new DomainError('forbidden', 'Only the mentor and the mentee give feedback'));
  }
  if (state !== 'completed') {
    return deny(new DomainError('conflict', 'Feedback is asked for once the pairing is completed'));
  }
  if (givenAlready) {
    return deny(new DomainError('conflict', 'You have already given feedback on this pairing'));
  }
  return allow;
}

/** A follow-up answer for a milestone that has come, once per side and milestone. */
export function answerFollowUp(
  access: PairingAccess,
  state: PairingState,
  completedAt: Date | null,
  milestone: FollowUpMilestone,
  now: Date,
  answeredAlready: boolean,
): Decision {
  if (!canReadPairing(access)) return hiddenPairing();
  if (access.side === null) {
    return deny(new DomainError('forbidden', 'Only the mentor and the mentee answer follow-ups'));
  }
  if (state !== 'completed' || completedAt === null) {
    return deny(new DomainError('conflict', 'Follow-ups come after the pairing is completed'));
  }
  if (addMonths(completedAt, milestone).getTime() > now.getTime()) {
    return deny(
      new DomainError(
        'conflict',
        `The ${milestone}-month follow-up opens ${milestone} months after completion`,
      ),
    );
  }
  if (answeredAlready) {
    return deny(new DomainError('conflict', 'You have already answered this follow-up'));
  }
  return allow;
}

/** Which actions the viewer may take now: the policies and the state machine together. */
export function actionsFor(
  access: PairingAccess,
  state: PairingState,
  acceptedAlready: boolean,
): PairingAction[] {
  return allowedPairingActions(state).filter(
    (action) => actOnPairing(access, action, acceptedAlready).allowed,
  );
}
