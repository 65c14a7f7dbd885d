import { TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** The search box in the header: Enter opens the search page. */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = value.trim();
    if (!q) return;
    void navigate(`/search?q=${encodeURIComponent(q)}`);
  };
  return (
    <form onSubmit={submit} role="search" aria-label={t('search.label')}>
      <TextInput
        type="search"
        size="xs"
        aria-label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={value}
        maxLength={200}
        onChange={(event) => setValue(event.currentTarget.value)}
        w={{ base: 110, xs: 180, md: 240 }}
      />
    </form>
  );
}
