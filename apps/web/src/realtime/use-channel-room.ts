import type { PresenceView } from '@tandem/domain';
import { useEffect, useState } from 'react';
import { useRealtime } from './realtime-context';

const ACK_TIMEOUT_MS = 10_000;

/**
 * Joins a channel's room while mounted (again after every reconnection): the room carries the
 * channel's presence, new threads and thread changes. Returns who is online in the channel.
 */
export function useChannelRoom(channelId: string | undefined): PresenceView | null {
  const { socket } = useRealtime();
  const [presence, setPresence] = useState<PresenceView | null>(null);

  useEffect(() => {
    if (!socket || !channelId) return undefined;
    const join = () => {
      socket.timeout(ACK_TIMEOUT_MS).emit('channel:join', { channelId }, (err, ack) => {
        if (!err && ack.ok) setPresence(ack.presence);
      });
    };
    const onPresence = (next: PresenceView) => {
      if (next.channelId === channelId) setPresence(next);
    };
    socket.on('connect', join);
    socket.on('presence', onPresence);
    if (socket.connected) join();
    return () => {
      socket.off('connect', join);
      socket.off('presence', onPresence);
      if (socket.connected) socket.emit('channel:leave', { channelId }, () => undefined);
    };
  }, [socket, channelId]);

  return presence;
}
