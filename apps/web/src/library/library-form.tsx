import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type {
  ContentLanguage,
  LibraryScope,
  LibraryStatus,
  NetworkView,
  Topic,
} from '@tandem/domain';
import { useRef, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ApiClient } from '../api/api-client';
import { useApiClient } from '../api/api-context';
import type { LibraryItemInput } from './library-api';
import { TopicsSelect } from '../discussions/topics';
import type { FieldErrors } from '../forms/field-errors';
import { RecordFormFrame, useRecordForm } from '../forms/record-form';
import { ErrorState, PageLoader } from '../layout/page-states';
import { LanguageField, NetworkField, ScopeField } from './form-parts';
import { useMyNetworks } from './use-networks';

/** What every library item's form holds, whatever else it asks. */
export interface LibraryDraft {
  network: string;
  topics: Topic[];
  language: ContentLanguage;
  scope: LibraryScope;
}

/** The fields of a library draft, and the status the server may complain about. */
export const LIBRARY_FIELDS = ['network', 'topics', 'language', 'scope', 'status'] as const;

interface LibraryItem {
  id: string;
  networkSlug: string | null;
  topics: Topic[];
  language: ContentLanguage;
  scope: LibraryScope;
  status: LibraryStatus;
}

/** A new item starts in the reader's language, visible to its network only. */
export function libraryDraftFrom(item: LibraryItem | undefined, language: string): LibraryDraft {
  if (!item) {
    return {
      network: '',
      topics: [],
      language: (['en', 'fr', 'it', 'de'] as const).find((code) => code === language) ?? 'en',
      scope: 'network',
    };
  }
  return {
    network: item.networkSlug ?? '',
    topics: item.topics,
    language: item.language,
    scope: item.scope,
  };
}

/**
 * `/library/…/new` and `/library/…/:id/edit`: loads the item being edited (none for a new one)
 * and the author's networks, then shows the form under a link back.
 */
export function LibraryFormPage<Item>({
  id,
  queryKey,
  load,
  backTo,
  children,
}: {
  id: string | undefined;
  queryKey: QueryKey;
  load: (api: ApiClient, id: string) => Promise<Item>;
  backTo: string;
  children: (existing: Item | undefined) => ReactNode;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const existing = useQuery({
    queryKey,
    queryFn: () => load(api, id ?? ''),
    enabled: id !== undefined,
  });
  const { query: networksQuery } = useMyNetworks();

  if ((id && existing.isPending) || networksQuery.isPending) return <PageLoader />;
  if (existing.isError) return <ErrorState error={existing.error} />;
  if (networksQuery.isError) return <ErrorState error={networksQuery.error} />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={backTo} size="sm">
        ← {t('library.back')}
      </Anchor>
      {children(existing.data)}
    </Stack>
  );
}

/**
 * The state of a library item's form: the draft and its errors, the author's networks and role
 * in the chosen one, and the save, which the pressed button makes a publish, a draft or neither.
 * A saved item is cached, announced and opened.
 */
export function useLibraryForm<
  Draft extends LibraryDraft,
  Field extends string,
  Input extends LibraryItemInput,
  Saved extends LibraryItem,
>({
  existing,
  initial,
  fields,
  save,
  itemKey,
  listKey,
  itemPath,
}: {
  existing: Saved | undefined;
  initial: () => Draft;
  fields: readonly Field[];
  save: (api: ApiClient, id: string | undefined, body: Input) => Promise<Saved>;
  itemKey: (id: string) => QueryKey;
  listKey: QueryKey;
  itemPath: (id: string) => string;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { networks } = useMyNetworks();
  const intent = useRef<LibraryStatus | undefined>(undefined);
  const form = useRecordForm({
    initial,
    fields,
    save: (body: Input) => save(api, existing?.id, body),
    onSaved: async (saved: Saved) => {
      queryClient.setQueryData(itemKey(saved.id), saved);
      notifications.show({ color: 'green', message: t('libraryForm.saved') });
      await queryClient.invalidateQueries({ queryKey: listKey });
      await navigate(itemPath(saved.id));
    },
  });
  const { draft } = form;
  const role = networks.find((network) => network.slug === draft.network)?.myRole ?? null;

  /** A new item has no network until the author chooses one; an edited one keeps its own. */
  const missingNetwork = !existing && !draft.network;

  /** Changes one of the fields every library item has. */
  const updateShared = <K extends keyof LibraryDraft>(key: K, value: LibraryDraft[K]) =>
    form.update(key, value as Draft[K]);

  /** Saves the item's own fields with the shared ones, as the pressed button asks. */
  const saveItem = (own: Omit<Input, keyof LibraryItemInput>) => {
    const status = intent.current;
    const shared: LibraryItemInput = {
      ...(existing ? {} : { network: draft.network }),
      topics: draft.topics,
      language: draft.language,
      scope: draft.scope,
      ...(status ? { status } : {}),
    };
    // The item's own fields and the shared ones together are the whole input.
    form.save.mutate({ ...own, ...shared } as Input);
  };

  return { ...form, existing, networks, role, intent, missingNetwork, updateShared, saveItem };
}

/** What the frame needs of `useLibraryForm`. */
interface LibraryFormState {
  existing: LibraryItem | undefined;
  draft: LibraryDraft;
  updateShared: <K extends keyof LibraryDraft>(key: K, value: LibraryDraft[K]) => void;
  errors: FieldErrors<string>;
  formRef: RefObject<HTMLFormElement | null>;
  networks: NetworkView[];
  role: NetworkView['myRole'];
  intent: RefObject<LibraryStatus | undefined>;
  save: { isPending: boolean; error: unknown };
}

/**
 * A library item's form: the network first, the item's own fields, then topics, language,
 * `beforeScope` (a summary's sources) and scope; publish or save a draft, or just save once
 * published. Someone in no network is told so instead.
 */
export function LibraryFormFrame({
  form,
  titleId,
  title,
  cancelTo,
  onSubmit,
  blocked = false,
  beforeScope,
  children,
}: {
  form: LibraryFormState;
  titleId: string;
  title: string;
  cancelTo: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** True while the draft cannot be sent at all (a summary over its word limit). */
  blocked?: boolean;
  beforeScope?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { existing, draft, updateShared: update, errors, networks, intent, save } = form;
  if (!existing && networks.length === 0) {
    return <Alert color="blue">{t('libraryForm.noNetworks')}</Alert>;
  }
  const published = existing?.status === 'published';
  const submitButton = (status: LibraryStatus, label: string, variant?: string) => (
    <Button
      type="submit"
      variant={variant}
      loading={save.isPending && intent.current === status}
      disabled={blocked || (save.isPending && intent.current !== status)}
      onClick={() => (intent.current = status)}
    >
      {label}
    </Button>
  );
  return (
    <RecordFormFrame
      titleId={titleId}
      title={title}
      formRef={form.formRef}
      onSubmit={onSubmit}
      error={save.error}
      actions={
        <Group>
          {published ? (
            <Button
              type="submit"
              loading={save.isPending}
              disabled={blocked}
              onClick={() => (intent.current = undefined)}
            >
              {t('libraryForm.save')}
            </Button>
          ) : (
            <>
              {submitButton('published', t('libraryForm.publish'))}
              {submitButton('draft', t('libraryForm.saveDraft'), 'default')}
            </>
          )}
          <Button variant="subtle" component={Link} to={cancelTo}>
            {t('libraryForm.cancel')}
          </Button>
        </Group>
      }
    >
      <NetworkField
        networks={networks}
        value={draft.network}
        onChange={(slug) => update('network', slug)}
        error={errors.network}
        fixed={existing !== undefined}
      />
      {children}
      <TopicsSelect
        value={draft.topics}
        onChange={(topics) => update('topics', topics)}
        error={errors.topics}
      />
      <LanguageField
        value={draft.language}
        onChange={(language) => update('language', language)}
        error={errors.language}
      />
      {beforeScope}
      <ScopeField
        role={form.role}
        value={draft.scope}
        onChange={(scope) => update('scope', scope)}
        error={errors.scope}
      />
    </RecordFormFrame>
  );
}
