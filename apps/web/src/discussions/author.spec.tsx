import { screen } from '@testing-library/react';
import { renderUi } from '../test-support/render-ui';
import { AuthorLine, ChathamBadge, ChathamNotice } from './author';

describe('authors and the Chatham House marking', () => {
  it('shows a Chatham House author by label only, with a "You" marker on their own posts', () => {
    renderUi(
      <AuthorLine
        author={{ kind: 'chatham', label: 'Local government', labelCode: 'government.local' }}
        isMine
      />,
    );
    expect(screen.getByText('Local government')).toBeInTheDocument();
    expect(screen.getByText('You')).toBeInTheDocument();
  });

  it('shows a named author with their organisation label, without "You" for others', () => {
    renderUi(
      <AuthorLine
        author={{
          kind: 'named',
          userId: 'user-jonas',
          displayName: 'Jonas Weber',
          handle: 'jonas-weber',
          organisationLabel: 'National NGO',
          organisationLabelCode: 'ngo.national',
        }}
        isMine={false}
      />,
    );
    expect(screen.getByText('Jonas Weber')).toBeInTheDocument();
    expect(screen.getByText('National NGO')).toBeInTheDocument();
    expect(screen.queryByText('You')).not.toBeInTheDocument();
  });

  it('marks Chatham House threads with a badge and an explanation, in every language', () => {
    const { unmount } = renderUi(
      <>
        <ChathamBadge />
        <ChathamNotice />
      </>,
    );
    expect(screen.getByTestId('chatham-badge')).toHaveTextContent('Chatham House');
    expect(screen.getByRole('note')).toHaveTextContent('Chatham House rule');
    expect(screen.getByRole('note')).toHaveTextContent('not reveal who said it');
    unmount();

    renderUi(<ChathamNotice />, { language: 'de' });
    expect(screen.getByRole('note')).toHaveTextContent('Chatham-House-Regel');
  });
});
