import { Alert, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { ThreadView } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { authorName } from '../discussions/author';
import { Composer } from '../discussions/composer';
import { useThread } from '../discussions/discussions-api';
import { MessageItem, PendingItem } from '../discussions/message-item';
import { useThreadMessages } from '../discussions/use-thread-messages';
import { ErrorState, PageLoader } from '../layout/page-states';
import { ConnectionBanner } from '../realtime/connection-banner';
import { useChannelRoom } from '../realtime/use-channel-room';

/**
 * The pair's conversation, inline: the pairing channel's thread through the same live message
 * machinery as any thread (HTTP history, `thread:join` catch-up, sends with a client id).
 */
export function PairingConversation({ threadId, closed }: { threadId: string; closed: boolean }) {
  const thread = useThread(threadId);
  if (thread.isPending) return <PageLoader />;
  if (thread.isError)
    return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;
  return <Conversation key={thread.data.id} thread={thread.data} closed={closed} />;
}

function Conversation({ thread, closed }: { thread: ThreadView; closed: boolean }) {
  const { t, i18n } = useTranslation();
  const live = useThreadMessages(thread.id, thread.lastSeq, thread.lastChange);
  useChannelRoom(thread.channelId);
  const { store } = live;
  return (
    <Stack gap="sm">
      <ConnectionBanner />
      {live.joinError && (
        <Alert color="red" variant="light" title={t('thread.liveUnavailable')}>
          {live.joinError}
        </Alert>
      )}
      {live.initialLoad.error ? (
        <ErrorState error={live.initialLoad.error} onRetry={live.retryLoad} />
      ) : !live.initialLoad.done && store.messages.length === 0 ? (
        <PageLoader />
      ) : store.messages.length === 0 && store.pending.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('pairing.conversationEmpty')}
        </Text>
      ) : (
        <Stack
          component="ol"
          gap="xs"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('pairing.conversationTitle')}
          data-testid="message-list"
        >
          {store.messages.map((message) => (
            <MessageItem
              key={message.seq}
              message={message}
              canModerate={false}
              locked={thread.locked || closed}
              onChanged={live.applyMessage}
            />
          ))}
          {store.pending.map((send) => (
            <PendingItem
              key={send.clientId}
              send={send}
              onRetry={() => live.retry(send.clientId)}
              onDiscard={() => live.discard(send.clientId)}
            />
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed" mih={18} data-testid="typing">
        {live.typing.length > 0 ? t('thread.typingOne', { name: live.typing.join(', ') }) : ''}
      </Text>
      <VisuallyHidden role="status" aria-live="polite">
        {live.liveMessage &&
          t('thread.newMessageFrom', {
            author: authorName(live.liveMessage.author, i18n.language),
          })}
      </VisuallyHidden>
      <Composer
        onSend={live.send}
        onTyping={live.notifyTyping}
        closedReason={closed ? t('pairing.conversationClosed') : null}
      />
    </Stack>
  );
}
