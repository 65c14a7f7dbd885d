import { Anchor, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isCoordinator, seeksMentoring } from '@tandem/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useApiClient } from '../api/api-context';
import { ErrorState, PageLoader } from '../layout/page-states';
import { useNetwork } from '../networks/networks-api';
import { getMyProfile, listSeekingProfiles } from './mentoring-api';
import { mentoringKeys, networkPath, usePairingUpdates } from './mentoring-queries';
import { OverviewSection, PairingList } from './pairing-lists';
import { ProfileForm } from './profile-form';
import { SuggestionsSection } from './suggestions-section';

/** `/networks/:slug/mentoring`: my profile, my suggestions and pairings; coordinators' tools. */
export function MentoringPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation();
  const api = useApiClient();
  usePairingUpdates();

  const network = useNetwork(slug);
  const profile = useQuery({
    queryKey: mentoringKeys.myProfile(slug),
    queryFn: () => getMyProfile(api, slug),
    enabled: network.data?.myRole != null,
  });

  if (network.isPending) return <PageLoader />;
  if (network.isError) return <ErrorState error={network.error} />;
  const role = network.data.myRole;
  const coordinator = isCoordinator(role);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={networkPath(slug)} size="sm">
        ← {t('mentoring.back', { network: network.data.name })}
      </Anchor>
      <Stack gap="xs">
        <Title order={1} size="h2">
          {t('mentoring.title')}
        </Title>
        <Text>{t('mentoring.intro')}</Text>
      </Stack>
      {role === null ? (
        <Text>{t('network.notMember')}</Text>
      ) : profile.isPending ? (
        <PageLoader />
      ) : profile.isError ? (
        <ErrorState error={profile.error} />
      ) : (
        <>
          <ProfileForm key={profile.data?.updatedAt ?? 'new'} slug={slug} profile={profile.data} />
          {profile.data && seeksMentoring(profile.data.mode) && (
            <Paper
              withBorder
              p="md"
              radius="md"
              component="section"
              aria-labelledby="my-suggestions"
            >
              <Stack>
                <Title order={2} size="h3" id="my-suggestions">
                  {t('mentoring.suggestionsTitle')}
                </Title>
                <SuggestionsSection
                  slug={slug}
                  menteeId={profile.data.person.userId}
                  headingId="my-suggestions"
                />
              </Stack>
            </Paper>
          )}
          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="pairings-title">
            <Stack>
              <Title order={2} size="h3" id="pairings-title">
                {coordinator ? t('mentoring.allPairings') : t('mentoring.myPairings')}
              </Title>
              <PairingList slug={slug} headingId="pairings-title" />
            </Stack>
          </Paper>
          {coordinator && <CoordinatorSection slug={slug} />}
          {coordinator && <OverviewSection slug={slug} />}
        </>
      )}
    </Stack>
  );
}

function CoordinatorSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [menteeId, setMenteeId] = useState<string | null>(null);
  const seekers = useQuery({
    queryKey: [...mentoringKeys.profiles(slug), 'seeking'],
    queryFn: () => listSeekingProfiles(api, slug),
  });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="coordinate-title">
      <Stack>
        <Title order={2} size="h3" id="coordinate-title">
          {t('mentoring.coordinatorTitle')}
        </Title>
        {seekers.isError && <ErrorState error={seekers.error} />}
        <Select
          name="mentee"
          label={t('mentoring.menteeSelect')}
          description={t('mentoring.menteeSelectHint')}
          placeholder={t('mentoring.menteeSelectPlaceholder')}
          data={(seekers.data?.items ?? []).map((profile) => ({
            value: profile.person.userId,
            label: profile.person.organisation
              ? `${profile.person.displayName} — ${profile.person.organisation.name}`
              : profile.person.displayName,
          }))}
          value={menteeId}
          onChange={setMenteeId}
          searchable
          nothingFoundMessage={t('mentoring.noMentees')}
          comboboxProps={{ withinPortal: true }}
        />
        {menteeId && (
          <section aria-labelledby="coordinator-suggestions">
            <Title order={3} size="h4" id="coordinator-suggestions" mb="xs">
              {t('mentoring.suggestionsTitle')}
            </Title>
            <SuggestionsSection
              key={menteeId}
              slug={slug}
              menteeId={menteeId}
              headingId="coordinator-suggestions"
            />
          </section>
        )}
      </Stack>
    </Paper>
  );
}
