import { Anchor, Typography } from '@mantine/core';
import Markdown, { type Components } from 'react-markdown';
import classes from './markdown.module.css';

/**
 * Markdown as Tandem shows it. react-markdown builds React elements from the markdown syntax
 * tree and never injects HTML: raw HTML in a message (`<script>`, `<img onerror>`) comes out as
 * plain text, and `javascript:` links are emptied by its default URL transform. No rehype-raw,
 * ever.
 *
 * Images are shown as links rather than loaded: fetching a picture from an address chosen by
 * the author would tell that server who read the message, and when — a leak that a Chatham
 * House thread in particular must not have.
 */
const components: Components = {
  a: ({ href, children }) => (
    <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow ugc">
      {children}
    </Anchor>
  ),
  img: ({ src, alt }) => {
    const address = typeof src === 'string' ? src : '';
    return address ? (
      <Anchor href={address} target="_blank" rel="noopener noreferrer nofollow ugc">
        {alt || address}
      </Anchor>
    ) : (
      <>{alt}</>
    );
  },
};

export function MarkdownBody({ children }: { children: string }) {
  return (
    <Typography className={classes.body}>
      <Markdown components={components}>{children}</Markdown>
    </Typography>
  );
}
