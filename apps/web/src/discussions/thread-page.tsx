import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { atLeast, type PresenceView, type ThreadView } from '@tandem/domain';
import { useCallback, useEffect, useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { useAuth } from '../auth/auth-context';
import { useChannel } from '../channels/channels-api';
import { CuratedInto } from '../curation/curated-into';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFormatDateTime } from '../layout/format';
import { ErrorState, PageLoader } from '../layout/page-states';
import { useInView, usePageVisible } from '../layout/visibility';
import { useNetwork } from '../networks/networks-api';
import { ConnectionBanner } from '../realtime/connection-banner';
import { useRealtime } from '../realtime/realtime-context';
import { useChannelRoom } from '../realtime/use-channel-room';
import { SlowModeNotice } from '../moderation/slow-mode';
import { useMySuspension } from '../moderation/suspensions';
import { AuthorLine, ChathamBadge, ChathamNotice, authorName } from './author';
import { Composer } from './composer';
import { markThreadRead, setThreadLocked, useThread } from './discussions-api';
import { lastSeq } from './message-store';
import { MessageItem, PendingItem } from './message-item';
import { ThreadLinks } from './thread-links';
import { TopicBadges } from './topics';
import { ThreadAttributionPreview } from './attribution-preview';
import { ANONYMOUS_TYPIST } from './typing';
import { useThreadMessages } from './use-thread-messages';

const ACK_TIMEOUT_MS = 10_000;
/** Reading is acknowledged once the newest message has been on screen this long. */
const READ_DELAY_MS = 400;

/** `/threads/:threadId`: a thread, live. */
export function ThreadPage() {
  const { threadId = '' } = useParams();
  const { t } = useTranslation();
  const thread = useThread(threadId);

  if (thread.isPending) return <PageLoader />;
  if (thread.isError) {
    return (
      <Stack>
        <Anchor component={Link} to="/networks">
          ← {t('network.back')}
        </Anchor>
        <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />
      </Stack>
    );
  }
  // A new thread starts a new conversation state.
  return <ThreadScreen key={thread.data.id} thread={thread.data} />;
}

function ThreadScreen({ thread }: { thread: ThreadView }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const { socket } = useRealtime();
  const { user } = useAuth();
  const formatDateTime = useFormatDateTime();

  const channel = useChannel(thread.channelId);
  const networkSlug = channel.data?.networkSlug;
  const network = useNetwork(networkSlug);
  const canModerate = atLeast(network.data?.myRole ?? null, 'moderator');
  const suspension = useMySuspension(networkSlug);

  const live = useThreadMessages(thread.id, thread.lastSeq, thread.lastChange);
  const { store } = live;
  const presence = useChannelRoom(thread.channelId);

  // Lock, unlock and other changes to the thread, from anyone.
  useEffect(() => {
    if (!socket) return undefined;
    const onUpdated = (updated: ThreadView) => {
      if (updated.id !== thread.id) return;
      // The room's copy is reader-neutral: keep this reader's own fields.
      queryClient.setQueryData<ThreadView>(queryKeys.thread(thread.id), (current) =>
        current
          ? {
              ...current,
              title: updated.title,
              topics: updated.topics,
              locked: updated.locked,
              lastSeq: Math.max(current.lastSeq, updated.lastSeq),
              messageCount: updated.messageCount,
              lastActivityAt: updated.lastActivityAt,
              ...(updated.links ? { links: updated.links } : {}),
              ...(updated.curatedInto ? { curatedInto: updated.curatedInto } : {}),
            }
          : current,
      );
      // An update without links is new activity: the server sends the links whenever they
      // change, so the ones held are still right.
    };
    socket.on('thread:updated', onUpdated);
    return () => {
      socket.off('thread:updated', onUpdated);
    };
  }, [socket, queryClient, thread.id]);

  const lock = useMutation({
    mutationFn: (locked: boolean) => setThreadLocked(api, thread.id, locked),
    onSuccess: (updated) => {
      queryClient.setQueryData<ThreadView>(queryKeys.thread(thread.id), (current) =>
        current ? { ...current, locked: updated.locked } : updated,
      );
      notifications.show({
        color: 'green',
        message: updated.locked ? t('thread.lockedDone') : t('thread.unlockedDone'),
      });
    },
  });

  // Mark read once the newest message is on screen, the tab in front.
  const bottomRef = useRef<HTMLDivElement>(null);
  const atBottom = useInView(bottomRef);
  const pageVisible = usePageVisible();
  const newest = lastSeq(store);
  const lastReadRef = useRef(thread.lastReadSeq);
  const markRead = useCallback(
    (seq: number) => {
      const previous = lastReadRef.current;
      lastReadRef.current = seq;
      const done = () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.threads(thread.channelId) });
        if (networkSlug) {
          void queryClient.invalidateQueries({ queryKey: queryKeys.channels(networkSlug) });
        }
      };
      const failed = () => {
        if (lastReadRef.current === seq) lastReadRef.current = previous;
      };
      if (socket?.connected) {
        socket
          .timeout(ACK_TIMEOUT_MS)
          .emit('read', { threadId: thread.id, seq }, (err, ack) =>
            err || !ack.ok ? failed() : done(),
          );
      } else {
        markThreadRead(api, thread.id, seq).then(done, failed);
      }
    },
    [api, queryClient, socket, thread.id, thread.channelId, networkSlug],
  );
  useEffect(() => {
    if (!live.initialLoad.done || !atBottom || !pageVisible) return undefined;
    if (newest <= lastReadRef.current) return undefined;
    const timer = setTimeout(() => markRead(newest), READ_DELAY_MS);
    return () => clearTimeout(timer);
  }, [live.initialLoad.done, atBottom, pageVisible, newest, markRead]);

  // Follow the conversation when the reader is already at its end. Not on opening: the page
  // starts at the title, the first messages filling an empty list do not count as new ones.
  const messageCount = store.messages.length + store.pending.length;
  const followRef = useRef(atBottom);
  followRef.current = atBottom;
  const shownBefore = useRef(0);
  useEffect(() => {
    const previous = shownBefore.current;
    shownBefore.current = messageCount;
    if (previous > 0 && messageCount > previous && followRef.current) {
      bottomRef.current?.scrollIntoView?.({ block: 'end', behavior: 'smooth' });
    }
  }, [messageCount]);

  const archived = channel.data?.archived ?? false;
  const closedReason = thread.locked
    ? t('thread.lockedNotice')
    : archived
      ? t('thread.archivedNotice')
      : suspension
        ? `${t('moderation.youAreSuspended', { date: formatDateTime(suspension.endsAt) })} ${t(
            'moderation.suspensionReason',
            { reason: suspension.reason },
          )}`
        : null;

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/channels/${thread.channelId}`} size="sm">
        ← {channel.data ? t('thread.back', { channel: channel.data.name }) : t('thread.backPlain')}
      </Anchor>

      <Stack gap={6}>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {thread.title}
        </Title>
        <Group gap="xs" wrap="wrap">
          {thread.attribution === 'chatham' && <ChathamBadge />}
          {thread.locked && (
            <Badge color="orange" variant="light" tt="none">
              {t('thread.locked')}
            </Badge>
          )}
          <TopicBadges topics={thread.topics} />
        </Group>
        <Group gap={6} wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('thread.startedBy')}
          </Text>
          <AuthorLine author={thread.author} isMine={thread.isMine} />
        </Group>
      </Stack>

      {thread.attribution === 'chatham' && <ChathamNotice />}

      <ThreadLinks thread={thread} canLink={closedReason === null} />
      <CuratedInto
        thread={thread}
        canCurate={canModerate && channel.data?.visibility === 'network'}
      />

      <ConnectionBanner />

      <Group justify="space-between" gap="xs" wrap="wrap">
        <PresenceLine
          presence={presence}
          myId={user?.id}
          countOnly={thread.attribution === 'chatham'}
        />
        {canModerate && (
          <Button
            variant="default"
            size="xs"
            loading={lock.isPending}
            onClick={() => lock.mutate(!thread.locked)}
          >
            {thread.locked ? t('thread.unlock') : t('thread.lock')}
          </Button>
        )}
      </Group>
      <ApiErrorAlert error={lock.error} />
      {live.joinError && (
        <Alert color="red" variant="light" title={t('thread.liveUnavailable')}>
          {live.joinError}
        </Alert>
      )}

      <section aria-labelledby="messages-title">
        <VisuallyHidden>
          <h2 id="messages-title">{t('thread.messagesTitle')}</h2>
        </VisuallyHidden>
        {store.base > 0 && (
          <Stack align="center" mb="sm" gap="xs">
            <Button
              variant="default"
              size="xs"
              loading={live.olderState.loading}
              onClick={() => void live.loadOlder()}
            >
              {t('thread.loadEarlier')}
            </Button>
            <ApiErrorAlert error={live.olderState.error} />
          </Stack>
        )}
        {live.initialLoad.error ? (
          <ErrorState error={live.initialLoad.error} onRetry={live.retryLoad} />
        ) : !live.initialLoad.done && store.messages.length === 0 ? (
          <PageLoader />
        ) : (
          <Stack
            component="ol"
            gap="xs"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            aria-labelledby="messages-title"
            data-testid="message-list"
          >
            {store.messages.map((message) => (
              <MessageItem
                key={message.seq}
                message={message}
                canModerate={canModerate}
                locked={thread.locked || archived}
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
        <div ref={bottomRef} style={{ height: 1 }} />
      </section>

      <Text size="xs" c="dimmed" mih={18} data-testid="typing">
        {typingSentence(live.typing, t)}
      </Text>
      <VisuallyHidden role="status" aria-live="polite">
        {live.liveMessage &&
          t('thread.newMessageFrom', {
            author: authorName(live.liveMessage.author, i18n.language),
          })}
      </VisuallyHidden>

      {!canModerate && <SlowModeNotice seconds={channel.data?.slowModeSeconds ?? 0} />}
      {!closedReason && (
        <ThreadAttributionPreview threadId={thread.id} chatham={thread.attribution === 'chatham'} />
      )}
      <Composer onSend={live.send} onTyping={live.notifyTyping} closedReason={closedReason} />
    </Stack>
  );
}

function typingSentence(names: string[], t: TFunction): string {
  if (names.length === 0) return '';
  // In a Chatham House thread typing is anonymous: one "someone", however many type.
  if (names.includes(ANONYMOUS_TYPIST)) return t('thread.typingSomeone');
  if (names.length === 1) return t('thread.typingOne', { name: names[0] });
  if (names.length === 2) {
    return t('thread.typingTwo', { first: names[0], second: names[1] });
  }
  return t('thread.typingMany');
}

/**
 * Who else is online in the channel. In a Chatham House thread only how many: names beside a
 * "Local NGO is typing…" would make it easy to tell who is writing.
 */
function PresenceLine({
  presence,
  myId,
  countOnly,
}: {
  presence: PresenceView | null;
  myId?: string;
  countOnly: boolean;
}) {
  const { t } = useTranslation();
  if (!presence) return <span />;
  const others = presence.online.filter((person) => person.userId !== myId);
  // The server sends no names for a channel holding a Chatham House thread: only the count,
  // which includes this viewer.
  const anonymous = countOnly || presence.countOnly;
  const otherCount = presence.countOnly ? Math.max(0, presence.count - 1) : others.length;
  return (
    <Text size="sm" c="dimmed" data-testid="presence">
      <Text span c="green" aria-hidden>
        ●{' '}
      </Text>
      {otherCount === 0
        ? t('thread.onlineAlone')
        : anonymous
          ? t('thread.onlineCount', { count: otherCount })
          : t('thread.online', { names: others.map((person) => person.displayName).join(', ') })}
    </Text>
  );
}
