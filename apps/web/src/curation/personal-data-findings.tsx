import { Alert, Button, List, Stack, Text } from '@mantine/core';
import type { PersonalDataFinding } from '@tandem/domain';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

interface FieldFindings {
  field: string;
  findings: PersonalDataFinding[];
}

/** The findings of the server's personal-data check in a refusal (400 with `findings`), if any. */
export function personalDataFindings(error: unknown): FieldFindings[] {
  if (!(error instanceof ApiError) || error.status !== 400 || !Array.isArray(error.details))
    return [];
  return (error.details as unknown[]).filter(
    (detail): detail is FieldFindings =>
      typeof detail === 'object' &&
      detail !== null &&
      Array.isArray((detail as { findings?: unknown }).findings),
  );
}

const KIND_LABEL = {
  email: 'personalData.kindEmail',
  phone: 'personalData.kindPhone',
  name_near_role: 'personalData.kindName',
  address: 'personalData.kindAddress',
} as const;

/**
 * What the personal-data check found before a quote was curated or an entry published: each
 * finding for the curator to look at, then edit, or confirm it may be shared.
 */
export function PersonalDataFindings({
  error,
  onConfirm,
  pending,
}: {
  error: unknown;
  onConfirm: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const reports = personalDataFindings(error);
  if (reports.length === 0) return null;
  return (
    <Alert color="orange" title={t('personalData.title')} data-testid="personal-data-findings">
      <Stack gap="xs">
        <Text size="sm">{t('personalData.intro')}</Text>
        <List size="sm" spacing={2}>
          {reports.flatMap((report) =>
            report.findings.map((finding) => (
              <List.Item key={`${report.field}:${finding.index}`}>
                {report.field.startsWith('quote:') ? `${t('personalData.fieldQuote')} · ` : ''}
                {t(KIND_LABEL[finding.kind], { role: finding.role ?? '' })}: “{finding.text}”
              </List.Item>
            )),
          )}
        </List>
        <Button size="xs" color="orange" loading={pending} onClick={onConfirm}>
          {t('personalData.confirm')}
        </Button>
      </Stack>
    </Alert>
  );
}
