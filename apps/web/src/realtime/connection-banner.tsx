import { Group, Loader, Paper, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRealtime } from './realtime-context';

/** The first connection gets this long before the banner says it is struggling. */
const FIRST_CONNECT_GRACE_MS = 4000;

/**
 * A small notice while live updates are not flowing. The first connection gets a few seconds
 * before anything is said; after a drop the banner shows at once. A status, not an alert: a screen
 * reader hears it politely, without being interrupted.
 */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { socket, status } = useRealtime();
  const [graceOver, setGraceOver] = useState(false);

  useEffect(() => {
    if (status !== 'connecting') return undefined;
    const timer = setTimeout(() => setGraceOver(true), FIRST_CONNECT_GRACE_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const visible =
    socket !== null &&
    (status === 'reconnecting' ||
      status === 'offline' ||
      status === 'stopped' ||
      (status === 'connecting' && graceOver));

  return (
    <div role="status" aria-live="polite">
      {visible && (
        <Paper
          bg={status === 'stopped' ? 'red.0' : 'yellow.0'}
          px="sm"
          py={6}
          radius="sm"
          data-testid="connection-banner"
        >
          <Group gap="xs" wrap="nowrap">
            {status !== 'stopped' && <Loader size={14} color="yellow" aria-hidden />}
            <Text size="sm">
              {status === 'offline'
                ? t('realtime.offline')
                : status === 'stopped'
                  ? t('realtime.stopped')
                  : t('realtime.reconnecting')}
            </Text>
          </Group>
        </Paper>
      )}
    </div>
  );
}
