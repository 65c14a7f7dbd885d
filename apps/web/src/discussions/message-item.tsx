import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { MESSAGE_MAX_LENGTH, type MessageView } from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDateTime } from '../layout/format';
import { HiddenMessageBody, HideMessageButton } from '../moderation/message-moderation';
import { ReportMessageButton } from '../moderation/report-message';
import { AuthorLine } from './author';
import { MarkdownEditor } from './composer';
import { deleteMessage, editMessage } from './discussions-api';
import { MarkdownBody } from './markdown';
import type { PendingSend } from './message-store';
import { useDescribeSendFailure } from './send-failure';

export function MessageItem({
  message,
  canModerate,
  locked,
  onChanged,
}: {
  message: MessageView;
  /** Moderators and admins may delete and hide anyone's message. */
  canModerate: boolean;
  /** The thread is locked or its channel archived: messages can no longer be edited. */
  locked: boolean;
  onChanged: (message: MessageView) => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const formatDateTime = useFormatDateTime();
  const [editing, setEditing] = useState<string | null>(null);
  const [editError, setEditError] = useState<string | undefined>();
  const [confirmDelete, setConfirmDelete] = useState(false);

  const edit = useMutation({
    mutationFn: (body: string) => editMessage(api, message.id, body),
    onSuccess: (updated) => {
      onChanged(updated);
      setEditing(null);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteMessage(api, message.id),
    onSuccess: (deleted) => {
      onChanged(deleted);
      setConfirmDelete(false);
    },
  });

  const submitEdit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (editing === null) return;
    if (!editing.trim()) return setEditError(t('composer.empty'));
    if (editing.length > MESSAGE_MAX_LENGTH) {
      return setEditError(t('validation.tooLong', { max: MESSAGE_MAX_LENGTH }));
    }
    edit.mutate(editing);
  };

  const canEdit = message.isMine && !message.deleted && !message.hidden && !locked;
  const canDelete = (message.isMine || canModerate) && !message.deleted;
  const canReport = !message.isMine && !message.deleted && !message.hidden;
  const canHide = canModerate && !message.deleted;

  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-testid="message"
      data-seq={message.seq}
      bg={message.isMine ? 'indigo.0' : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <AuthorLine author={message.author} isMine={message.isMine} />
          <Text size="xs" c="dimmed">
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt)}</time>
            {message.edited && !message.deleted && ` · ${t('message.edited')}`}
          </Text>
        </Group>

        {message.deleted ? (
          <Text size="sm" fs="italic" c="dimmed">
            {t('message.deleted')}
          </Text>
        ) : message.hidden && editing === null ? (
          <HiddenMessageBody message={message} canModerate={canModerate} onChanged={onChanged} />
        ) : editing !== null ? (
          <form onSubmit={submitEdit} noValidate>
            <Stack gap="xs">
              <MarkdownEditor
                label={t('message.editLabel')}
                value={editing}
                onChange={(value) => {
                  setEditing(value);
                  setEditError(undefined);
                }}
                error={editError}
                onSubmitShortcut={() => submitEdit()}
              />
              <ApiErrorAlert error={edit.error} />
              <Group gap="xs" justify="flex-end">
                <Button variant="default" size="xs" onClick={() => setEditing(null)}>
                  {t('message.cancel')}
                </Button>
                <Button type="submit" size="xs" loading={edit.isPending}>
                  {t('message.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <MarkdownBody>{message.body}</MarkdownBody>
        )}

        {editing === null && (canEdit || canDelete || canReport || canHide) && (
          <Group gap="xs" justify="flex-end">
            {canReport && <ReportMessageButton message={message} />}
            {canHide && <HideMessageButton message={message} onChanged={onChanged} />}
            {canEdit && (
              <Button
                variant="subtle"
                size="compact-xs"
                onClick={() => {
                  edit.reset();
                  setEditError(undefined);
                  setEditing(message.body);
                }}
                aria-label={t('message.editAria', { seq: message.seq })}
              >
                {t('message.edit')}
              </Button>
            )}
            {canDelete && (
              <Button
                variant="subtle"
                color="red"
                size="compact-xs"
                onClick={() => {
                  remove.reset();
                  setConfirmDelete(true);
                }}
                aria-label={t('message.deleteAria', { seq: message.seq })}
              >
                {t('message.delete')}
              </Button>
            )}
          </Group>
        )}
      </Stack>

      <Modal
        opened={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={t('message.deleteConfirmTitle')}
      >
        <Stack>
          <Text size="sm">{t('message.deleteConfirmBody')}</Text>
          <ApiErrorAlert error={remove.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmDelete(false)}>
              {t('message.cancel')}
            </Button>
            <Button color="red" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('message.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

/** The user's own message before the server has confirmed it; a failure offers a retry. */
export function PendingItem({
  send,
  onRetry,
  onDiscard,
}: {
  send: PendingSend;
  onRetry: () => void;
  onDiscard: () => void;
}) {
  const { t } = useTranslation();
  const describe = useDescribeSendFailure();
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      radius="md"
      data-testid="pending-message"
      style={{ borderStyle: 'dashed', opacity: send.status === 'sending' ? 0.75 : 1 }}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text size="sm" fw={600}>
            {t('author.you')}
          </Text>
          <Text size="xs" c="dimmed">
            {send.status === 'sending' ? t('message.sending') : t('message.notSent')}
          </Text>
        </Group>
        <MarkdownBody>{send.body}</MarkdownBody>
        {send.status === 'failed' && send.failure && (
          <Alert color="red" variant="light" p="xs">
            <Stack gap="xs">
              <Text size="sm">{describe(send.failure)}</Text>
              <Group gap="xs">
                <Button size="compact-sm" onClick={onRetry}>
                  {t('message.retry')}
                </Button>
                <Button size="compact-sm" variant="default" onClick={onDiscard}>
                  {t('message.discard')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
