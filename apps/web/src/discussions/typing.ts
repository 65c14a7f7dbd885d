/** The server relays at most one `typing` per socket and thread in this interval. */
export const TYPING_SEND_INTERVAL_MS = 2000;
/** How long "X is typing…" stays after the last signal from X. */
export const TYPING_SHOWN_MS = 4000;

/** Whether a keystroke should tell the others, given when the last signal was sent. */
export function shouldSendTyping(lastSentAt: number | null, now: number): boolean {
  return lastSentAt === null || now - lastSentAt >= TYPING_SEND_INTERVAL_MS;
}

/**
 * Who is typing in a Chatham House thread: the server says only that someone is (no name,
 * handle or label), so every such signal shares this key and reads "Someone is typing…".
 */
export const ANONYMOUS_TYPIST = '';

/** Who is typing: a display name (or ANONYMOUS_TYPIST) and when that stops being shown. */
export type TypingMap = Readonly<Record<string, number>>;

export function noteTyping(map: TypingMap, who: string, now: number): TypingMap {
  return { ...map, [who]: now + TYPING_SHOWN_MS };
}

/** Those still typing at `now`, in the order they started. */
export function typingNames(map: TypingMap, now: number): string[] {
  return Object.entries(map)
    .filter(([, until]) => until > now)
    .map(([who]) => who);
}

export function withoutTyping(map: TypingMap, who: string): TypingMap {
  if (!(who in map)) return map;
  const next = { ...map };
  delete next[who];
  return next;
}
