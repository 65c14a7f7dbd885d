import { EMAIL_MAX_LENGTH } from '@tandem/domain';

/** Deliberately loose: the server has the final word; this only catches obvious slips. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailLike(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length <= EMAIL_MAX_LENGTH && EMAIL_SHAPE.test(trimmed);
}
