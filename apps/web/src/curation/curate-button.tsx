import { Button, Select } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PHASES, type Phase, type ThreadView } from '@tandem/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiClient } from '../api/api-context';
import { queryKeys } from '../api/query-client';
import { isContentLanguage } from '../library/form-parts';
import { curateThread, entryKeys } from './entry-api';
import { EvidencePicker } from './evidence-picker';
import { PersonalDataFindings, personalDataFindings } from './personal-data-findings';

/** For moderators on a thread: pick the messages to quote, and draft an entry from the thread. */
export function CurateButton({ thread }: { thread: ThreadView }) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [opened, picker] = useDisclosure(false);
  const [phase, setPhase] = useState<Phase>('implementation');
  const language = i18n.language.slice(0, 2);

  const curate = useMutation({
    mutationFn: ({ messageIds, confirm }: { messageIds: string[]; confirm?: boolean }) =>
      curateThread(api, thread.id, {
        messageIds,
        phase,
        language: isContentLanguage(language) ? language : 'en',
        ...(confirm ? { confirmPersonalData: true } : {}),
      }),
    onSuccess: async (entry) => {
      queryClient.setQueryData(entryKeys.entry(entry.id), entry);
      await queryClient.invalidateQueries({ queryKey: queryKeys.thread(thread.id) });
      await queryClient.invalidateQueries({ queryKey: entryKeys.all });
      picker.close();
      await navigate(`/entries/${entry.id}/edit`);
    },
  });

  return (
    <>
      <Button
        variant="light"
        size="xs"
        onClick={() => {
          curate.reset();
          picker.open();
        }}
      >
        {t('curation.curate')}
      </Button>
      {opened && (
        <EvidencePicker
          threadId={thread.id}
          opened={opened}
          onClose={picker.close}
          initial={[]}
          title={t('curation.curateTitle')}
          submitLabel={t('curation.createDraft')}
          onSubmit={(messageIds) => curate.mutate({ messageIds })}
          pending={curate.isPending}
          error={personalDataFindings(curate.error).length > 0 ? null : curate.error}
        >
          <PersonalDataFindings
            error={curate.error}
            pending={curate.isPending}
            onConfirm={() =>
              curate.variables && curate.mutate({ ...curate.variables, confirm: true })
            }
          />
          <Select
            label={t('curation.field.phase')}
            data={PHASES.map((value) => ({ value, label: t(`phase.${value}`) }))}
            value={phase}
            onChange={(value) => {
              const next = PHASES.find((candidate) => candidate === value);
              if (next) setPhase(next);
            }}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
        </EvidencePicker>
      )}
    </>
  );
}
