import { Alert, Badge, Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { MessageView } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { listMessages } from '../discussions/discussions-api';
import { MarkdownBody } from '../discussions/markdown';
import { setMessageHidden } from './moderation-api';

/**
 * A message moderators hid, as this viewer may see it: members a placeholder; the author their
 * text with a notice; moderators the text marked hidden. Live events carry the members' copy, so
 * a moderator may hold an empty body: they fetch the text on request.
 */
export function HiddenMessageBody({
  message,
  canModerate,
  onChanged,
}: {
  message: MessageView;
  canModerate: boolean;
  onChanged: (message: MessageView) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const fetchText = useMutation({
    mutationFn: () => listMessages(api, message.threadId, { afterSeq: message.seq - 1, limit: 1 }),
    onSuccess: (page) => {
      const fresh = page.items.find((item) => item.id === message.id);
      if (fresh) onChanged(fresh);
    },
  });

  if (message.isMine) {
    return (
      <Stack gap={6}>
        <Alert color="orange" variant="light" p="xs" role="note">
          {t('moderation.hiddenForAuthor')}
        </Alert>
        <MarkdownBody>{message.body}</MarkdownBody>
      </Stack>
    );
  }
  if (canModerate) {
    return (
      <Stack gap={6}>
        <Badge color="orange" variant="light" tt="none">
          {t('moderation.hiddenBadge')}
        </Badge>
        {message.body ? (
          <div style={{ opacity: 0.7 }}>
            <MarkdownBody>{message.body}</MarkdownBody>
          </div>
        ) : (
          <Button
            variant="subtle"
            size="compact-xs"
            loading={fetchText.isPending}
            onClick={() => fetchText.mutate()}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('moderation.showHidden')}
          </Button>
        )}
        <ApiErrorAlert error={fetchText.error} />
      </Stack>
    );
  }
  return (
    <Text size="sm" fs="italic" c="dimmed" data-testid="hidden-placeholder">
      {t('moderation.hiddenPlaceholder')}
    </Text>
  );
}

/** Hide or unhide, for the network's moderators and admins. */
export function HideMessageButton({
  message,
  onChanged,
}: {
  message: MessageView;
  onChanged: (message: MessageView) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const toggle = useMutation({
    mutationFn: () => setMessageHidden(api, message.id, !message.hidden),
    onSuccess: (updated) => {
      onChanged(updated);
      notifications.show({
        color: 'green',
        message: updated.hidden ? t('moderation.hiddenDone') : t('moderation.unhiddenDone'),
      });
    },
    onError: (error) => {
      notifications.show({
        color: 'red',
        message: error instanceof Error && error.message ? error.message : t('errors.title'),
      });
    },
  });
  return (
    <Button
      variant="subtle"
      color="orange"
      size="compact-xs"
      loading={toggle.isPending}
      onClick={() => toggle.mutate()}
      aria-label={
        message.hidden
          ? t('moderation.unhideAria', { seq: message.seq })
          : t('moderation.hideAria', { seq: message.seq })
      }
    >
      {message.hidden ? t('moderation.unhide') : t('moderation.hide')}
    </Button>
  );
}
