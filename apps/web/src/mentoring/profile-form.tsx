import {
  Button,
  MultiSelect,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ISO_639_1_CODES,
  MENTORING_ABOUT_MAX_LENGTH,
  MENTORING_AVAILABILITY_MAX_LENGTH,
  MENTORING_CAPACITY_MAX,
  MENTORING_CAPACITY_MIN,
  MENTORING_LANGUAGES_MAX,
  MENTORING_TOPICS_MAX,
  TOPICS,
  type MentoringMode,
  type MentoringProfileView,
  type Topic,
} from '@tandem/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { ChoiceField } from '../forms/choice-field';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { saveProfile, type ProfileInput } from './mentoring-api';
import { mentoringKeys } from './mentoring-queries';
import { useLanguageName } from './people';

const FIELDS = [
  'mode',
  'topics',
  'languages',
  'capacity',
  'about',
  'available',
  'availabilityNote',
] as const;
type Field = (typeof FIELDS)[number];

const isTopic = (value: string): value is Topic => (TOPICS as readonly string[]).includes(value);

/** The caller's own profile: create or update, labelled fields, errors announced per field. */
export function ProfileForm({
  slug,
  profile,
}: {
  slug: string;
  profile: MentoringProfileView | null;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const queryClient = useQueryClient();
  const languageName = useLanguageName();
  const [mode, setMode] = useState<MentoringMode>(profile?.mode ?? 'seeking');
  const [topics, setTopics] = useState<Topic[]>(profile?.topics ?? []);
  const [languages, setLanguages] = useState<string[]>(profile?.languages ?? []);
  const [capacity, setCapacity] = useState<number>(profile?.capacity ?? 1);
  const [about, setAbout] = useState(profile?.about ?? '');
  const [available, setAvailable] = useState(profile?.available ?? true);
  const [availabilityNote, setAvailabilityNote] = useState(profile?.availabilityNote ?? '');
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);

  const topicData = useMemo(
    () =>
      TOPICS.map((topic) => ({ value: topic, label: t(`topics.${topic}`) })).sort((a, b) =>
        a.label.localeCompare(b.label),
      ),
    [t],
  );
  const languageData = useMemo(
    () =>
      ISO_639_1_CODES.map((code) => ({
        value: code,
        label: `${languageName(code)} (${code})`,
      })).sort((a, b) => a.label.localeCompare(b.label)),
    [languageName],
  );

  const save = useMutation({
    mutationFn: (body: ProfileInput) => saveProfile(api, slug, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(mentoringKeys.myProfile(slug), saved);
      notifications.show({ color: 'green', message: t('mentoring.profileSaved') });
      await queryClient.invalidateQueries({ queryKey: mentoringKeys.all(slug) });
    },
    onError: (error) => showApiError(error),
  });

  const offering = mode !== 'seeking';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    if (languages.length === 0) found.languages = t('mentoring.languagesRequired');
    if (about.length > MENTORING_ABOUT_MAX_LENGTH)
      found.about = t('validation.tooLong', { max: MENTORING_ABOUT_MAX_LENGTH });
    if (
      !Number.isInteger(capacity) ||
      capacity < MENTORING_CAPACITY_MIN ||
      capacity > MENTORING_CAPACITY_MAX
    ) {
      found.capacity = t('mentoring.capacityHint', {
        min: MENTORING_CAPACITY_MIN,
        max: MENTORING_CAPACITY_MAX,
      });
    }
    if (showErrors(found)) return;
    save.mutate({
      mode,
      topics,
      languages,
      capacity,
      about: about.trim(),
      available,
      availabilityNote: availabilityNote.trim(),
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="profile-title">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h3" id="profile-title">
            {t('mentoring.profileTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('mentoring.profileIntro')}
          </Text>
          <ChoiceField
            name="mode"
            label={t('mentoring.mode')}
            required
            gap="xs"
            choices={[
              { value: 'seeking', label: t('mentoring.modeSeeking') },
              { value: 'offering', label: t('mentoring.modeOffering') },
              { value: 'both', label: t('mentoring.modeBoth') },
            ]}
            value={mode}
            onChange={(value) => {
              setMode(value);
              clearField('mode');
            }}
            error={errors.mode}
          />
          <MultiSelect
            name="topics"
            label={t('mentoring.topics')}
            description={t('mentoring.topicsHint', { max: MENTORING_TOPICS_MAX })}
            data={topicData}
            value={topics}
            onChange={(next) => {
              setTopics(next.filter(isTopic));
              clearField('topics');
            }}
            maxValues={MENTORING_TOPICS_MAX}
            searchable
            hidePickedOptions
            nothingFoundMessage={t('topicsField.none')}
            error={errors.topics}
            comboboxProps={{ withinPortal: true }}
          />
          <MultiSelect
            name="languages"
            label={t('mentoring.languages')}
            description={t('mentoring.languagesHint')}
            data={languageData}
            value={languages}
            onChange={(next) => {
              setLanguages(next);
              clearField('languages');
            }}
            maxValues={MENTORING_LANGUAGES_MAX}
            searchable
            hidePickedOptions
            required
            nothingFoundMessage={t('mentoring.noLanguage')}
            error={errors.languages}
            comboboxProps={{ withinPortal: true }}
          />
          {offering && (
            <NumberInput
              name="capacity"
              label={t('mentoring.capacity')}
              description={t('mentoring.capacityHint', {
                min: MENTORING_CAPACITY_MIN,
                max: MENTORING_CAPACITY_MAX,
              })}
              min={MENTORING_CAPACITY_MIN}
              max={MENTORING_CAPACITY_MAX}
              allowDecimal={false}
              value={capacity}
              onChange={(value) => {
                setCapacity(typeof value === 'number' ? value : Number.parseInt(value, 10));
                clearField('capacity');
              }}
              error={errors.capacity}
              maw={220}
            />
          )}
          <Textarea
            name="about"
            label={offering ? t('mentoring.aboutOffering') : t('mentoring.aboutSeeking')}
            description={t('mentoring.aboutHint', { max: MENTORING_ABOUT_MAX_LENGTH })}
            autosize
            minRows={3}
            maxLength={MENTORING_ABOUT_MAX_LENGTH}
            value={about}
            onChange={(event) => {
              setAbout(event.currentTarget.value);
              clearField('about');
            }}
            error={errors.about}
          />
          <Switch
            name="available"
            label={t('mentoring.available')}
            checked={available}
            onChange={(event) => setAvailable(event.currentTarget.checked)}
            error={errors.available}
          />
          <TextInput
            name="availabilityNote"
            label={t('mentoring.availabilityNote')}
            description={t('mentoring.availabilityNoteHint')}
            maxLength={MENTORING_AVAILABILITY_MAX_LENGTH}
            value={availabilityNote}
            onChange={(event) => {
              setAvailabilityNote(event.currentTarget.value);
              clearField('availabilityNote');
            }}
            error={errors.availabilityNote}
          />
          <ApiErrorAlert error={save.error} />
          <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('mentoring.saveProfile')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
