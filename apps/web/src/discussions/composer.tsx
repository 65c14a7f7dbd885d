import { Button, Group, Paper, Tabs, Text, Textarea } from '@mantine/core';
import { MESSAGE_MAX_LENGTH } from '@tandem/domain';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MarkdownBody } from './markdown';

export interface MarkdownEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
  required?: boolean;
  /** Every keystroke in the text (for typing signals). */
  onInput?: () => void;
  /** Ctrl+Enter or ⌘+Enter. */
  onSubmitShortcut?: () => void;
  minRows?: number;
  name?: string;
}

/** A markdown text area with a "Preview" tab showing what readers will see. */
export function MarkdownEditor({
  label,
  value,
  onChange,
  error,
  disabled,
  required,
  onInput,
  onSubmitShortcut,
  minRows = 3,
  name,
}: MarkdownEditorProps) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<string | null>('write');

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && onSubmitShortcut) {
      event.preventDefault();
      onSubmitShortcut();
    }
  };

  return (
    <Tabs value={tab} onChange={setTab} keepMounted={false} variant="outline">
      <Tabs.List aria-label={t('composer.modes', { label })}>
        <Tabs.Tab value="write">{t('composer.write')}</Tabs.Tab>
        <Tabs.Tab value="preview">{t('composer.preview')}</Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="write" pt="xs">
        <Textarea
          name={name}
          label={label}
          required={required}
          autosize
          minRows={minRows}
          maxRows={14}
          maxLength={MESSAGE_MAX_LENGTH}
          value={value}
          disabled={disabled}
          error={error}
          description={t('composer.hint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          onChange={(event) => {
            onChange(event.currentTarget.value);
            onInput?.();
          }}
          onKeyDown={onKeyDown}
        />
      </Tabs.Panel>
      <Tabs.Panel value="preview" pt="xs">
        <Paper
          withBorder
          p="sm"
          radius="sm"
          mih={80}
          aria-label={t('composer.previewOf', { label })}
          data-testid="markdown-preview"
        >
          {value.trim() ? (
            <MarkdownBody>{value}</MarkdownBody>
          ) : (
            <Text size="sm" c="dimmed">
              {t('composer.previewEmpty')}
            </Text>
          )}
        </Paper>
      </Tabs.Panel>
    </Tabs>
  );
}

export interface ComposerProps {
  onSend: (body: string) => void;
  onTyping?: () => void;
  /** When set, the composer is replaced by this explanation (e.g. a locked thread). */
  closedReason?: string | null;
}

/** The reply box under a thread. Sending clears it; the message shows as pending until acked. */
export function Composer({ onSend, onTyping, closedReason }: ComposerProps) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();

  const submit = (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    if (!body.trim()) {
      setError(t('composer.empty'));
      return;
    }
    if (body.length > MESSAGE_MAX_LENGTH) {
      setError(t('validation.tooLong', { max: MESSAGE_MAX_LENGTH }));
      return;
    }
    setError(undefined);
    onSend(body);
    setBody('');
  };

  if (closedReason) {
    return (
      <Paper withBorder p="sm" radius="md" bg="gray.0">
        <Text size="sm">{closedReason}</Text>
      </Paper>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('composer.form')}>
      <MarkdownEditor
        name="body"
        label={t('composer.label')}
        value={body}
        onChange={(value) => {
          setBody(value);
          if (error) setError(undefined);
        }}
        error={error}
        onInput={onTyping}
        onSubmitShortcut={() => submit()}
      />
      <Group justify="flex-end" mt="xs">
        <Button type="submit">{t('composer.send')}</Button>
      </Group>
    </form>
  );
}
