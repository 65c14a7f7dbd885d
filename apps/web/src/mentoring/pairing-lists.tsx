import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { PAIRING_STATES } from '@tandem/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiClient } from '../api/api-context';
import { usePagedQuery } from '../api/use-paged-query';
import { ApiErrorAlert } from '../forms/api-error-alert';
import { LoadMoreButton } from '../layout/load-more-button';
import { ErrorState, PageLoader } from '../layout/page-states';
import { downloadOverviewCsv, getOverview, listPairings } from './mentoring-api';
import { mentoringKeys, pairingPath } from './mentoring-queries';
import { StateBadge } from './people';

/** Pairings of the network: the caller's own, or all of them for a coordinator. */
export function PairingList({ slug, headingId }: { slug: string; headingId: string }) {
  const { t } = useTranslation();
  const { query, items } = usePagedQuery(mentoringKeys.pairings(slug), (client, cursor) =>
    listPairings(client, slug, cursor),
  );
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} />;
  if (items.length === 0) return <Text c="dimmed">{t('mentoring.noPairings')}</Text>;
  return (
    <Stack gap="xs">
      <Stack
        component="ul"
        gap="xs"
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
        aria-labelledby={headingId}
      >
        {items.map((pairing) => (
          <li key={pairing.id}>
            <Paper withBorder p="sm" radius="md">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Anchor
                  component={Link}
                  to={pairingPath(pairing.id)}
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {t('mentoring.with', {
                    mentor: pairing.mentor.displayName,
                    mentee: pairing.mentee.displayName,
                  })}
                </Anchor>
                <StateBadge state={pairing.state} />
              </Group>
              <Text size="xs" c="dimmed">
                {t('mentoring.stats', {
                  achieved: pairing.goalsAchieved,
                  total: pairing.goalsTotal,
                  sessions: pairing.sessionsHeld,
                })}
              </Text>
            </Paper>
          </li>
        ))}
      </Stack>
      <LoadMoreButton
        query={query}
        label={t('mentoring.loadMore')}
        style={{ alignSelf: 'flex-start' }}
      />
    </Stack>
  );
}

/** The coordinators' numbers, and the CSV of every pairing. */
export function OverviewSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  const overview = useQuery({
    queryKey: mentoringKeys.overview(slug),
    queryFn: () => getOverview(api, slug),
  });
  const download = async () => {
    setDownloadError(null);
    setDownloading(true);
    try {
      await downloadOverviewCsv(api, slug);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="overview-title">
      <Stack>
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="overview-title">
            {t('mentoring.overviewTitle')}
          </Title>
          <Button variant="default" onClick={() => void download()} loading={downloading}>
            {t('mentoring.downloadCsv')}
          </Button>
        </Group>
        <ApiErrorAlert error={downloadError} />
        {overview.isPending && <PageLoader />}
        {overview.isError && <ErrorState error={overview.error} />}
        {overview.data && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" style={{ margin: 0 }}>
            <Stat label={t('mentoring.overviewPairings')}>
              {PAIRING_STATES.map(
                (state) =>
                  `${t(`mentoring.state.${state}`)}: ${overview.data.pairingsByState[state]}`,
              ).join(' · ')}
            </Stat>
            <Stat label={t('mentoring.overviewSessions')}>
              {t('mentoring.overviewSessionsValue', {
                sessions: overview.data.sessionsHeld,
                hours: overview.data.hoursHeld,
              })}
            </Stat>
            <Stat label={t('mentoring.overviewGoals')}>
              {`${overview.data.goalsAchieved} / ${overview.data.goalsTotal}`}
            </Stat>
            <Stat label={t('mentoring.overviewFeedback')}>
              {t('mentoring.overviewFeedbackValue', {
                responses: overview.data.feedback.responses,
                average: overview.data.feedback.averageUsefulness ?? '—',
                recommend: overview.data.feedback.wouldRecommend,
              })}
            </Stat>
            <Stat label={t('mentoring.overviewFollowUps')}>
              {t('mentoring.overviewFollowUpsValue', {
                responses: overview.data.followUps.responses,
                contact: overview.data.followUps.stillInContact,
              })}
            </Stat>
            <Stat label={t('mentoring.overviewProfiles')}>
              {t('mentoring.overviewProfilesValue', {
                offering: overview.data.profiles.offering,
                seeking: overview.data.profiles.seeking,
              })}
            </Stat>
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}

function Stat({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={600}>
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}
