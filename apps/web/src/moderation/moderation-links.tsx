import { Anchor, Group } from '@mantine/core';
import { atLeast, type NetworkRole } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** On a network's page: the queue for its moderators and admins, the audit log for admins. */
export function ModerationLinks({ slug, myRole }: { slug: string; myRole: NetworkRole }) {
  const { t } = useTranslation();
  if (!atLeast(myRole, 'moderator')) return null;
  const base = `/networks/${encodeURIComponent(slug)}`;
  return (
    <Group gap="md" component="nav" aria-label={t('moderation.queueTitle')}>
      <Anchor component={Link} to={`${base}/moderation`}>
        {t('moderation.queueLink')}
      </Anchor>
      {myRole === 'admin' && (
        <Anchor component={Link} to={`${base}/audit-log`}>
          {t('moderation.auditLink')}
        </Anchor>
      )}
    </Group>
  );
}
