import { Button, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import {
  type Level,
  type OrganisationView,
  type Sector,
  CITY_MAX_LENGTH,
  ORGANISATION_NAME_MAX_LENGTH,
  LEVELS,
  SECTORS,
} from '@tandem/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiClient } from '../api/api-context';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { useFieldErrors, type FieldErrors } from '../forms/field-errors';
import { countryOptions } from './countries';
import { createOrganisation, type NewOrganisation } from './organisations-api';

const FIELDS = ['name', 'sector', 'level', 'country', 'city'] as const;
type Field = (typeof FIELDS)[number];

const NAME_MIN_LENGTH = 2;

interface Draft {
  name: string;
  sector: Sector | null;
  level: Level | null;
  country: string | null;
  city: string;
}

const EMPTY: Draft = { name: '', sector: null, level: null, country: null, city: '' };

export function CreateOrganisationForm({
  onCreated,
}: {
  /** Called with the new organisation; the form waits for it (to choose it) before resetting. */
  onCreated: (organisation: OrganisationView) => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const api = useApiClient();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const { formRef, errors, showErrors, clearField, showApiError } = useFieldErrors(FIELDS);

  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);
  const sectors = SECTORS.map((value) => ({ value, label: t(`sector.${value}`) }));
  const levels = LEVELS.map((value) => ({ value, label: t(`level.${value}`) }));

  const create = useMutation({
    mutationFn: async (body: NewOrganisation) => {
      const organisation = await createOrganisation(api, body);
      await onCreated(organisation);
      return organisation;
    },
    onSuccess: () => setDraft(EMPTY),
    onError: (error) => showApiError(error),
  });

  const set = <K extends keyof Draft>(field: K & Field, value: Draft[K]) => {
    setDraft((current) => ({ ...current, [field]: value }));
    clearField(field);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: FieldErrors<Field> = {};
    const name = draft.name.trim();
    const city = draft.city.trim();
    if (!name) found.name = t('validation.required');
    else if (name.length < NAME_MIN_LENGTH) {
      found.name = t('validation.tooShort', { min: NAME_MIN_LENGTH });
    } else if (name.length > ORGANISATION_NAME_MAX_LENGTH) {
      found.name = t('validation.tooLong', { max: ORGANISATION_NAME_MAX_LENGTH });
    }
    if (!draft.sector) found.sector = t('validation.choose');
    if (!draft.level) found.level = t('validation.choose');
    if (!draft.country) found.country = t('validation.choose');
    if (city.length > CITY_MAX_LENGTH)
      found.city = t('validation.tooLong', { max: CITY_MAX_LENGTH });
    if (showErrors(found) || !draft.sector || !draft.level || !draft.country) return;
    create.mutate({
      name,
      sector: draft.sector,
      level: draft.level,
      country: draft.country,
      ...(city ? { city } : {}),
    });
  };

  return (
    <Paper withBorder p="md" radius="md">
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4">
            {t('organisation.createTitle')}
          </Title>
          <TextInput
            name="name"
            label={t('organisation.name')}
            required
            autoComplete="organization"
            value={draft.name}
            onChange={(event) => set('name', event.currentTarget.value)}
            error={errors.name}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select<Sector>
              name="sector"
              label={t('organisation.sector')}
              required
              data={sectors}
              value={draft.sector}
              onChange={(value) => set('sector', value)}
              error={errors.sector}
            />
            <Select<Level>
              name="level"
              label={t('organisation.level')}
              required
              data={levels}
              value={draft.level}
              onChange={(value) => set('level', value)}
              error={errors.level}
            />
            <Select
              name="country"
              label={t('organisation.country')}
              required
              searchable
              data={countries}
              value={draft.country}
              onChange={(value) => set('country', value)}
              nothingFoundMessage={t('organisation.countrySearchEmpty')}
              error={errors.country}
              limit={50}
            />
            <TextInput
              name="city"
              label={t('organisation.city')}
              autoComplete="address-level2"
              value={draft.city}
              onChange={(event) => set('city', event.currentTarget.value)}
              error={errors.city}
            />
          </SimpleGrid>
          <ApiErrorAlert error={create.error} />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('organisation.create')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
