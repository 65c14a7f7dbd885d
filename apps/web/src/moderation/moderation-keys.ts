import type { AuditAction } from '@tandem/domain';

/**
 * Cached queries of the moderation screens, under the network's key so that invalidating
 * ['networks', slug] covers them too (see api/query-client.ts).
 */
export const moderationKeys = {
  queue: (slug: string) => ['networks', slug, 'moderation', 'queue'] as const,
  suspensions: (slug: string) => ['networks', slug, 'moderation', 'suspensions'] as const,
  mySuspension: (slug: string) => ['networks', slug, 'moderation', 'my-suspension'] as const,
  auditLog: (slug: string, action: AuditAction | null) =>
    ['networks', slug, 'moderation', 'audit-log', action ?? 'all'] as const,
};
