import { Button, CopyButton, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { issueFeedKey } from './library-api';

/** Issues a personal Atom feed key and shows the address to paste into a feed reader. */
export function FeedSubscribe() {
  const { t } = useTranslation();
  const api = useApiClient();
  const [opened, dialog] = useDisclosure(false);
  const issue = useMutation({ mutationFn: () => issueFeedKey(api) });
  const url = issue.data ? `${window.location.origin}${issue.data.atomPath}` : '';

  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          dialog.open();
          issue.mutate();
        }}
      >
        {t('feed.subscribe')}
      </Button>
      <Modal opened={opened} onClose={dialog.close} title={t('feed.title')}>
        <Stack>
          <Text size="sm">{t('feed.explanation')}</Text>
          <ApiErrorAlert error={issue.error} />
          {issue.isPending && <Text size="sm">{t('app.loading')}</Text>}
          {url && (
            <Group gap="xs" align="flex-end" wrap="wrap">
              <TextInput
                label={t('feed.url')}
                value={url}
                readOnly
                onFocus={(event) => event.currentTarget.select()}
                style={{ flex: '1 1 16rem', minWidth: 0 }}
                data-testid="feed-url"
              />
              <CopyButton value={url} timeout={2000}>
                {({ copied, copy }) => (
                  <Button
                    variant={copied ? 'filled' : 'default'}
                    color={copied ? 'teal' : undefined}
                    onClick={copy}
                  >
                    {copied ? t('feed.copied') : t('feed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={dialog.close}>
              {t('feed.close')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
