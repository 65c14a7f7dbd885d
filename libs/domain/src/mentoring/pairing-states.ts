import { DomainError } from '../errors';

// ---------------------------------------------------------------------------- state machine

export const PAIRING_STATES = ['proposed', 'active', 'completed', 'declined', 'cancelled'] as const;
export type PairingState = (typeof PAIRING_STATES)[number];

export const PAIRING_ACTIONS = ['accept', 'decline', 'complete', 'cancel'] as const;
export type PairingAction = (typeof PAIRING_ACTIONS)[number];

export type PairingSide = 'mentor' | 'mentee';

/**
 * Each state's actions and where they lead. `accept` in `proposed` leads to `active` only once
 * both sides have accepted; before that it records one side's acceptance and the pairing stays
 * proposed. Completed, declined and cancelled pairings are final.
 */
export const PAIRING_TRANSITIONS: Record<
  PairingState,
  Partial<Record<PairingAction, PairingState>>
> = {
  proposed: { accept: 'active', decline: 'declined', cancel: 'cancelled' },
  active: { complete: 'completed', cancel: 'cancelled' },
  completed: {},
  declined: {},
  cancelled: {},
};

export function allowedPairingActions(state: PairingState): PairingAction[] {
  return PAIRING_ACTIONS.filter((action) => PAIRING_TRANSITIONS[state][action] !== undefined);
}

export function isFinalState(state: PairingState): boolean {
  return allowedPairingActions(state).length === 0;
}

/** The state a pairing moves to; throws `invalid_transition` naming the allowed actions. */
export function nextPairingState(
  state: PairingState,
  action: PairingAction,
  acceptance: { otherSideAccepted: boolean } = { otherSideAccepted: false },
): PairingState {
  const target = PAIRING_TRANSITIONS[state][action];
  if (target === undefined) {
    const allowed = allowedPairingActions(state);
    throw new DomainError(
      'invalid_transition',
      allowed.length === 0
        ? `This pairing is ${state}: nothing can change it any more`
        : `A ${state} pairing cannot be asked to ${action}; allowed: ${allowed.join(', ')}`,
      { state, action, allowed },
    );
  }
  if (action === 'accept' && !acceptance.otherSideAccepted) return state;
  return target;
}
