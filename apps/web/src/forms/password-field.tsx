import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Mantine 9's PasswordInput renders its `error` and `description` but, unlike TextInput, does
 * not mark the inner input `aria-invalid` nor point `aria-describedby` at them, so a screen
 * reader would not hear why the password was refused. This adds both, using the ids Mantine
 * derives from `id` (`<id>-error`, `<id>-description`). It also translates the visibility
 * toggle's label, which Mantine hard-codes in English.
 */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  const generatedId = useId();
  const id = props.id ?? `password-${generatedId}`;
  const describedBy =
    [props.description ? `${id}-description` : null, props.error ? `${id}-error` : null]
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <PasswordInput
      {...props}
      id={id}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={describedBy}
      visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
    />
  );
}
