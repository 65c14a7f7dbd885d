import { fireEvent, screen, within } from '@testing-library/react';
import { renderUi } from '../test-support/render-ui';
import { Composer } from './composer';
import { MarkdownBody } from './markdown';

const HOSTILE = [
  'Hello **team**',
  '<script>window.__pwned = true</script>',
  '<img src="x" onerror="window.__pwned = true">',
  '[click me](javascript:alert(1))',
  '![tracking pixel](https://tracker.example/pixel.png)',
].join('\n\n');

describe('the composer', () => {
  it('previews markdown as formatted text, without raw HTML becoming elements', async () => {
    const { user } = renderUi(<Composer onSend={() => undefined} />);

    // Typed in one go: user.type would read the braces and brackets as key descriptors.
    fireEvent.change(screen.getByRole('textbox', { name: 'Your message' }), {
      target: { value: HOSTILE },
    });
    await user.click(screen.getByRole('tab', { name: 'Preview' }));

    const preview = screen.getByTestId('markdown-preview');
    expect(within(preview).getByText('team').tagName).toBe('STRONG');
    expect(preview.querySelector('script')).toBeNull();
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.querySelector('[onerror]')).toBeNull();
    // The HTML shows as the text it is.
    expect(preview).toHaveTextContent('<script>window.__pwned = true</script>');
    expect(preview).toHaveTextContent('<img src="x" onerror="window.__pwned = true">');
    // No javascript: link; an image is a link to its address rather than a request to it.
    expect(
      within(preview).getByText('click me').closest('a')?.getAttribute('href') ?? '',
    ).not.toMatch(/javascript/i);
    expect(within(preview).getByRole('link', { name: 'tracking pixel' })).toHaveAttribute(
      'href',
      'https://tracker.example/pixel.png',
    );
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
  });

  it('sends the text, clears the box, and refuses an empty message', async () => {
    const sent: string[] = [];
    const { user } = renderUi(<Composer onSend={(body) => sent.push(body)} />);
    const box = screen.getByRole('textbox', { name: 'Your message' });

    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(box).toHaveAccessibleDescription(
      expect.stringContaining('Please write a message first.'),
    );
    expect(sent).toEqual([]);

    await user.type(box, 'Thanks, that helps');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sent).toEqual(['Thanks, that helps']);
    expect(box).toHaveValue('');
  });

  it('sends with Ctrl+Enter and signals typing on every keystroke', async () => {
    const sent: string[] = [];
    let typed = 0;
    const { user } = renderUi(
      <Composer onSend={(body) => sent.push(body)} onTyping={() => (typed += 1)} />,
    );

    await user.type(screen.getByRole('textbox', { name: 'Your message' }), 'Hi');
    await user.keyboard('{Control>}{Enter}{/Control}');

    expect(sent).toEqual(['Hi']);
    expect(typed).toBe(2);
  });

  it('is replaced by the reason when the thread is closed', () => {
    renderUi(<Composer onSend={() => undefined} closedReason="This thread is locked." />);
    expect(screen.getByText('This thread is locked.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});

describe('message bodies', () => {
  it('render the same safe markdown', () => {
    const { container } = renderUi(
      <MarkdownBody>{'<b onmouseover="x()">hi</b> and `code`'}</MarkdownBody>,
    );
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('code')).toHaveTextContent('code');
  });
});
