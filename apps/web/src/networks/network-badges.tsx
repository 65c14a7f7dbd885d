import { Badge } from '@mantine/core';
import type { NetworkRole, NetworkVisibility } from '@tandem/domain';
import { useTranslation } from 'react-i18next';

const VISIBILITY_COLOR: Record<NetworkVisibility, string> = {
  open: 'green',
  invite: 'blue',
  private: 'gray',
};

export function VisibilityBadge({ visibility }: { visibility: NetworkVisibility }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={VISIBILITY_COLOR[visibility]} tt="none">
      {t(`visibility.${visibility}`)}
    </Badge>
  );
}

export function RoleBadge({ role }: { role: NetworkRole }) {
  const { t } = useTranslation();
  return (
    <Badge variant="outline" tt="none">
      {t('networks.yourRole', { role: t(`role.${role}`) })}
    </Badge>
  );
}
