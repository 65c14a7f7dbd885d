/**
 * Mentoring pairings: city-to-city and organisation-to-organisation exchanges, made cheap to
 * start and to follow. Everything here is pure: the limits the DTOs, services and web forms
 * share, the suggestion score, the pairing state machine, who may see and do what, the
 * follow-up calendar and the response shapes.
 */
export * from './limits';
export * from './suggestions';
export * from './pairing-states';
export * from './policies';
export * from './follow-ups';
export * from './views';
