import { useQueryClient } from '@tanstack/react-query';
import type { EntrySummaryView } from '@tandem/domain';
import { useEffect } from 'react';
import { useRealtime } from '../realtime/realtime-context';
import { entryKeys } from './entry-api';

/** A published version elsewhere refreshes the entry views this tab holds. */
export function useEntryEvents(): void {
  const { socket } = useRealtime();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return undefined;
    const onPublished = (entry: EntrySummaryView) => {
      void queryClient.invalidateQueries({ queryKey: entryKeys.entry(entry.id) });
      void queryClient.invalidateQueries({ queryKey: ['entries', 'list'] });
    };
    socket.on('entry:published', onPublished);
    return () => {
      socket.off('entry:published', onPublished);
    };
  }, [socket, queryClient]);
}
