/** The knowledge gaps and action points from the field research, as fixed slugs. */
export const TOPICS = [
  'mental_health',
  'housing',
  'health_access',
  'employment',
  'language',
  'education',
  'volunteers',
  'civil_society',
  'racism_discrimination',
  'gender',
  'two_way_integration',
  'co_creation',
  'partnerships',
  'evaluation',
  'long_term_support',
  'access_to_services',
  'political_climate',
  'funding',
] as const;
export type Topic = (typeof TOPICS)[number];
