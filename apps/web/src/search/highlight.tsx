import { HIGHLIGHT_END, HIGHLIGHT_START } from '@tandem/domain';
import { Fragment } from 'react';

export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

/**
 * Splits a search snippet at the server's highlight markers (⟦ ⟧). The snippet is plain text
 * and stays plain text: the parts are rendered as React text nodes, never as HTML, so a snippet
 * quoting "<img onerror=…>" shows those characters. An unclosed marker highlights to the end;
 * a stray closing marker is dropped.
 */
export function splitSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const start = rest.indexOf(HIGHLIGHT_START);
    const before = (start === -1 ? rest : rest.slice(0, start)).split(HIGHLIGHT_END).join('');
    if (before) parts.push({ text: before, highlighted: false });
    if (start === -1) break;
    rest = rest.slice(start + HIGHLIGHT_START.length);
    const end = rest.indexOf(HIGHLIGHT_END);
    const marked = (end === -1 ? rest : rest.slice(0, end)).split(HIGHLIGHT_START).join('');
    if (marked) parts.push({ text: marked, highlighted: true });
    rest = end === -1 ? '' : rest.slice(end + HIGHLIGHT_END.length);
  }
  return parts;
}

export function HighlightedSnippet({ snippet }: { snippet: string }) {
  return (
    <>
      {splitSnippet(snippet).map((part, index) =>
        part.highlighted ? (
          <mark key={index}>{part.text}</mark>
        ) : (
          <Fragment key={index}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
