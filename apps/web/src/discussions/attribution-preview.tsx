import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Attribution, type AttributionPreview, renderLabel } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import type { ApiClient } from '../api/api-client';
import { useApiClient } from '../api/api-context';

/** `GET /threads/:id/attribution-preview`: the label the caller's next post will carry. */
export const getThreadAttributionPreview = (api: ApiClient, threadId: string) =>
  api.get<AttributionPreview>(`/threads/${encodeURIComponent(threadId)}/attribution-preview`);

/** `GET /channels/:id/attribution-preview`: the same for the first post of a new thread. */
export const getChannelAttributionPreview = (
  api: ApiClient,
  channelId: string,
  attribution: Attribution,
) =>
  api.get<AttributionPreview>(`/channels/${encodeURIComponent(channelId)}/attribution-preview`, {
    query: { attribution },
  });

/**
 * "Your post will appear as: Government — fewer than 3 members share “Regional government”".
 * Shown above the composer of a Chatham House thread (and in the new-thread form), so the
 * author knows what their post will say about them before they write it. The label is
 * rendered from its code in the interface language.
 */
export function AttributionPreviewLine({ preview }: { preview: AttributionPreview | undefined }) {
  const { t, i18n } = useTranslation();
  if (!preview || preview.attribution !== 'chatham') return null;
  const label = renderLabel(preview.labelCode, i18n.language);
  const fine = renderLabel(preview.fineLabelCode, i18n.language);
  const reason =
    preview.reason === 'coarsened'
      ? t('attributionPreview.coarsened', { count: preview.minGroup, fine })
      : preview.reason === 'pooled'
        ? t('attributionPreview.pooled', { count: preview.minGroup })
        : t('attributionPreview.shared', { count: preview.minGroup });
  return (
    <Text
      size="sm"
      c="grape.8"
      data-testid="attribution-preview"
      data-label-code={preview.labelCode}
    >
      <Text span fw={600}>
        {t('attributionPreview.appearAs', { label })}
      </Text>{' '}
      — {reason}
    </Text>
  );
}

/** The preview for the caller's next post in a Chatham House thread (nothing for named ones). */
export function ThreadAttributionPreview({
  threadId,
  chatham,
}: {
  threadId: string;
  chatham: boolean;
}) {
  const api = useApiClient();
  const query = useQuery({
    queryKey: ['threads', threadId, 'attribution-preview'],
    queryFn: () => getThreadAttributionPreview(api, threadId),
    enabled: chatham,
    // Members join and leave: a label may change between visits, not between keystrokes.
    staleTime: 60_000,
  });
  return chatham ? <AttributionPreviewLine preview={query.data} /> : null;
}

/** The preview in the new-thread form, for the attribution chosen there. */
export function ChannelAttributionPreview({
  channelId,
  attribution,
}: {
  channelId: string;
  attribution: Attribution;
}) {
  const api = useApiClient();
  const query = useQuery({
    queryKey: ['channels', channelId, 'attribution-preview', attribution],
    queryFn: () => getChannelAttributionPreview(api, channelId, attribution),
    enabled: attribution === 'chatham',
    staleTime: 60_000,
  });
  return attribution === 'chatham' ? <AttributionPreviewLine preview={query.data} /> : null;
}
