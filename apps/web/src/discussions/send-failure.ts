import { ERROR_CODES, type ErrorCode } from '@tandem/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_FAILURE_STATUS } from '../api/api-error';
import type { SendFailure } from './message-store';

const isErrorCode = (code: string): code is ErrorCode =>
  (ERROR_CODES as readonly string[]).includes(code);

/** The same failure shape for an HTTP error as for a socket ack refusal. */
export function failureFromError(error: unknown): SendFailure {
  if (error instanceof ApiError) {
    if (error.status === NETWORK_FAILURE_STATUS) return { code: 'network', message: '' };
    const seconds = (error.details as { retryAfterSeconds?: unknown } | undefined)
      ?.retryAfterSeconds;
    return {
      code: isErrorCode(error.code) ? error.code : 'internal',
      message: error.message,
      ...(typeof seconds === 'number' ? { retryAfterMs: seconds * 1000 } : {}),
    };
  }
  return { code: 'internal', message: '' };
}

/** A sentence for a failed send, in the UI language where Tandem knows the case. */
export function useDescribeSendFailure(): (failure: SendFailure) => string {
  const { t } = useTranslation();
  return useCallback(
    (failure: SendFailure) => {
      switch (failure.code) {
        case 'rate_limited':
          return t('sendError.rateLimited', {
            seconds: Math.max(1, Math.ceil((failure.retryAfterMs ?? 1000) / 1000)),
          });
        case 'unavailable':
          return t('sendError.unavailable');
        case 'timeout':
          return t('sendError.timeout');
        case 'network':
          return t('sendError.network');
        case 'conflict':
          // The server's conflicts on a send: the thread is locked, or the channel archived.
          return /lock/i.test(failure.message)
            ? t('sendError.locked')
            : t('sendError.refused', { reason: failure.message || failure.code });
        case 'bad_request':
        case 'unauthorized':
        case 'forbidden':
        case 'not_found':
        case 'invalid_transition':
        case 'internal':
          return t('sendError.refused', { reason: failure.message || failure.code });
      }
    },
    [t],
  );
}
