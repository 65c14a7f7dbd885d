import { safeMarkdown } from '../../apps/server/src/curation/export/entry-markdown';

/**
 * The Markdown export empties the link and image destinations the HTML and PDF exports refuse,
 * keeping the text; safe links, code and everything else pass through unchanged.
 */
describe('Markdown exports neutralise dangerous links', () => {
  it.each([
    ['[click](javascript:alert(1))', '[click](<>)'],
    ['[click](<javascript:alert(1)>)', '[click](<>)'],
    ['[click](JaVaScRiPt:alert(1))', '[click](<>)'],
    ['[click](javascript&#58;alert(1))', '[click](<>)'],
    ['[click](java\\script:alert(1) "title")', '[click](<> "title")'],
    ['![pixel](data:image/png;base64,AAAA)', '![pixel](<>)'],
    ['[x](data:text/html,<script>alert(1)</script>)', '[x](<>)'],
    ['[x](vbscript:msgbox)', '[x](<>)'],
    ['[ref]\n\n[ref]: javascript:alert(1)', '[ref]\n\n[ref]: <>'],
    [
      '- a\tb\t[tabbed](javascript:alert(1)) and [ok](https://example.org)',
      '- a\tb\t[tabbed](<>) and [ok](https://example.org)',
    ],
    ['> quoted [x](data:,hi)', '> quoted [x](<>)'],
  ])('%j', (markdown, expected) => {
    expect(safeMarkdown(markdown)).toBe(expected);
  });

  it.each([
    '[site](https://example.org/a_(b))',
    '[mail](mailto:someone@example.org)',
    '[relative](/api/entries/1)',
    '`[code](javascript:alert(1))`',
    'Plain text with javascript: in it',
    '\t[indented code](javascript:alert(1))',
  ])('keeps %j', (markdown) => {
    expect(safeMarkdown(markdown)).toBe(markdown);
  });

  it('still neutralises raw HTML', () => {
    expect(safeMarkdown('<script>alert(1)</script>')).toBe('\\<script>alert(1)\\</script>');
  });
});
