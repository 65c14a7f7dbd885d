import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  GOAL_TITLE_MAX_LENGTH,
  PAIRING_GOALS_MAX,
  PAIRING_TOPICS_MAX,
  TOPICS,
  type MentorSuggestionView,
  type Topic,
} from '@tandem/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApiClient } from '../api/api-context';
import { TopicBadges } from '../discussions/topics';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { ErrorState, PageLoader } from '../layout/page-states';
import { getSuggestions, proposePairing, type ProposalInput } from './mentoring-api';
import { mentoringKeys, pairingPath } from './mentoring-queries';
import { PersonLine, ReasonList, useLanguageName } from './people';

const isTopic = (value: string): value is Topic => (TOPICS as readonly string[]).includes(value);

/** Ranked mentors for one mentee, each with its reasons and a way to propose the pairing. */
export function SuggestionsSection({
  slug,
  menteeId,
  headingId,
}: {
  slug: string;
  menteeId: string;
  headingId: string;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const suggestions = useQuery({
    queryKey: mentoringKeys.suggestions(slug, menteeId),
    queryFn: () => getSuggestions(api, slug, menteeId),
  });
  const [proposing, setProposing] = useState<string | null>(null);

  if (suggestions.isPending) return <PageLoader />;
  if (suggestions.isError) return <ErrorState error={suggestions.error} />;
  const { mentee, suggestions: items } = suggestions.data;

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('mentoring.suggestionsIntro')}
      </Text>
      {items.length === 0 && <Text>{t('mentoring.suggestionsEmpty')}</Text>}
      <Stack
        component="ol"
        gap="sm"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-labelledby={headingId}
      >
        {items.map((suggestion) => (
          <li key={suggestion.mentor.person.userId}>
            <SuggestionCard
              suggestion={suggestion}
              open={proposing === suggestion.mentor.person.userId}
              onOpen={() => setProposing(suggestion.mentor.person.userId)}
              onClose={() => setProposing(null)}
              slug={slug}
              menteeId={mentee.person.userId}
              menteeTopics={mentee.topics}
            />
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function SuggestionCard({
  suggestion,
  open,
  onOpen,
  onClose,
  slug,
  menteeId,
  menteeTopics,
}: {
  suggestion: MentorSuggestionView;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  slug: string;
  menteeId: string;
  menteeTopics: Topic[];
}) {
  const { t } = useTranslation();
  const languageName = useLanguageName();
  const { mentor } = suggestion;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="suggestion">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <PersonLine person={mentor.person} />
          <Text size="sm" fw={600}>
            {t('mentoring.score', { score: suggestion.score })}
          </Text>
        </Group>
        <TopicBadges topics={mentor.topics} />
        <Text size="xs" c="dimmed">
          {mentor.languages.map(languageName).join(', ')}
        </Text>
        {mentor.about && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {mentor.about}
          </Text>
        )}
        {mentor.availabilityNote && (
          <Text size="sm" c="dimmed">
            {mentor.availabilityNote}
          </Text>
        )}
        <Text size="sm" fw={500}>
          {t('mentoring.reasons')}
        </Text>
        <ReasonList reasons={suggestion.reasons} />
        {!open && (
          <Button
            variant="light"
            onClick={onOpen}
            style={{ alignSelf: 'flex-start' }}
            aria-label={t('mentoring.proposeWith', { name: mentor.person.displayName })}
          >
            {t('mentoring.propose')}
          </Button>
        )}
        {open && (
          <ProposeForm
            slug={slug}
            mentorId={mentor.person.userId}
            mentorName={mentor.person.displayName}
            menteeId={menteeId}
            initialTopics={menteeTopics
              .filter((topic) => mentor.topics.includes(topic))
              .slice(0, PAIRING_TOPICS_MAX)}
            onClose={onClose}
          />
        )}
      </Stack>
    </Paper>
  );
}

const FIELDS = ['topics', 'goals', 'onBehalfOfOrganisations', 'mentorId', 'menteeId'] as const;
type Field = (typeof FIELDS)[number];

function ProposeForm({
  slug,
  mentorId,
  mentorName,
  menteeId,
  initialTopics,
  onClose,
}: {
  slug: string;
  mentorId: string;
  mentorName: string;
  menteeId: string;
  initialTopics: Topic[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [topics, setTopics] = useState<Topic[]>(initialTopics);
  const [goals, setGoals] = useState('');
  const [onBehalf, setOnBehalf] = useState(false);
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);
  const formId = `propose-${mentorId}`;

  const propose = useMutation({
    mutationFn: (body: ProposalInput) => proposePairing(api, slug, body),
    onSuccess: async (pairing) => {
      queryClient.setQueryData(mentoringKeys.pairing(pairing.id), pairing);
      notifications.show({ color: 'green', message: t('mentoring.proposed') });
      await queryClient.invalidateQueries({ queryKey: mentoringKeys.all(slug) });
      await navigate(pairingPath(pairing.id));
    },
    onError: (error) => showApiError(error),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const lines = goals
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    const found: FieldErrors<Field> = {};
    if (lines.length > PAIRING_GOALS_MAX)
      found.goals = t('mentoring.goalsHint', { max: PAIRING_GOALS_MAX });
    if (lines.some((line) => line.length > GOAL_TITLE_MAX_LENGTH))
      found.goals = t('validation.tooLong', { max: GOAL_TITLE_MAX_LENGTH });
    if (showErrors(found)) return;
    propose.mutate({
      mentorId,
      menteeId,
      topics,
      goals: lines,
      ...(onBehalf ? { onBehalfOfOrganisations: true } : {}),
    });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby={`${formId}-title`}>
      <Stack gap="sm">
        <Title order={3} size="h5" id={`${formId}-title`}>
          {t('mentoring.proposeTitle', { name: mentorName })}
        </Title>
        <MultiSelect
          name="topics"
          label={t('mentoring.pairingTopics')}
          description={t('mentoring.topicsHint', { max: PAIRING_TOPICS_MAX })}
          data={TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`) }))}
          value={topics}
          onChange={(next) => {
            setTopics(next.filter(isTopic));
            clearField('topics');
          }}
          maxValues={PAIRING_TOPICS_MAX}
          searchable
          hidePickedOptions
          error={errors.topics}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          name="goals"
          label={t('mentoring.goals')}
          description={t('mentoring.goalsHint', { max: PAIRING_GOALS_MAX })}
          autosize
          minRows={3}
          value={goals}
          onChange={(event) => {
            setGoals(event.currentTarget.value);
            clearField('goals');
          }}
          error={errors.goals}
        />
        <Checkbox
          name="onBehalfOfOrganisations"
          label={t('mentoring.onBehalf')}
          checked={onBehalf}
          onChange={(event) => setOnBehalf(event.currentTarget.checked)}
          error={errors.onBehalfOfOrganisations}
        />
        <ApiErrorAlert error={errors.mentorId || errors.menteeId ? null : propose.error} />
        {(errors.mentorId || errors.menteeId) && (
          <Text c="red" size="sm" role="alert">
            {errors.mentorId ?? errors.menteeId}
          </Text>
        )}
        <Group gap="xs">
          <Button type="submit" loading={propose.isPending}>
            {t('mentoring.sendProposal')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('mentoring.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
