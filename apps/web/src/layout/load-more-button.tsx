import { Button, type ButtonProps } from '@mantine/core';
import type { CSSProperties } from 'react';

/** The part of an infinite query the button needs. */
interface NextPage {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Show more" under a cursor-paged list, while there is a next page; busy while it loads. */
export function LoadMoreButton({
  query,
  label,
  size,
  style,
}: {
  query: NextPage;
  label: string;
  size?: ButtonProps['size'];
  style?: CSSProperties;
}) {
  if (!query.hasNextPage) return null;
  return (
    <Button
      variant="default"
      size={size}
      onClick={() => void query.fetchNextPage()}
      loading={query.isFetchingNextPage}
      style={style}
    >
      {label}
    </Button>
  );
}
