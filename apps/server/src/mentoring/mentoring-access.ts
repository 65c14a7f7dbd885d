import { DomainError, type PairingSide } from '@tandem/domain';

/** Which side of the pairing a person is on, or null for anyone else (a coordinator). */
export function sideOf(
  pairing: { mentorId: string; menteeId: string },
  userId: string,
): PairingSide | null {
  if (pairing.mentorId === userId) return 'mentor';
  if (pairing.menteeId === userId) return 'mentee';
  return null;
}

/** Whether `side` has accepted the pairing; false for someone on neither side. */
export function hasAccepted(
  pairing: { mentorAcceptedAt: Date | null; menteeAcceptedAt: Date | null },
  side: PairingSide | null,
): boolean {
  if (side === 'mentor') return pairing.mentorAcceptedAt !== null;
  if (side === 'mentee') return pairing.menteeAcceptedAt !== null;
  return false;
}

/** The refusal for someone who reads a network's mentoring without being a member. */
export function joinFirst(): DomainError {
  return new DomainError('forbidden', 'Join the network to take part in its mentoring');
}
