import { useEffect } from 'react';

export const APP_NAME = 'Tandem';

/** "<page heading> · Tandem", or the app's name alone while a page has no heading yet. */
export function titleFor(heading: string | null | undefined): string {
  const text = heading?.replace(/\s+/g, ' ').trim();
  return text ? `${text} · ${APP_NAME}` : APP_NAME;
}

/**
 * Keeps the browser tab's title descriptive (WCAG 2.4.2): every page leads with one `<h1>`,
 * already translated, so the title follows the first heading inside `rootId` as pages load,
 * change language or show another record. One observer for every page, present and future.
 */
export function useDocumentTitleFromHeading(rootId: string): void {
  useEffect(() => {
    const root = document.getElementById(rootId);
    if (!root) return;
    const update = () => {
      const title = titleFor(root.querySelector('h1')?.textContent);
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [rootId]);
}
