import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/api-error';

export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/**
 * Per-field error messages for one form, from its own checks or from a 400's `details`.
 * The messages go to Mantine inputs' `error` prop, which marks the input invalid and links the
 * message to it for assistive technology. Whenever errors are shown, focus moves to the first
 * invalid input (after the render that marks it), so nobody has to hunt for what went wrong.
 */
export function useFieldErrors<Field extends string>(fields: readonly Field[]) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [focusRequest, setFocusRequest] = useState(0);

  useEffect(() => {
    if (focusRequest === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  /** Replaces the shown errors; returns true when there is at least one. */
  const showErrors = useCallback((found: FieldErrors<Field>): boolean => {
    setErrors(found);
    const any = Object.keys(found).length > 0;
    if (any) setFocusRequest((count) => count + 1);
    return any;
  }, []);

  const clearField = useCallback((field: Field) => {
    setErrors((current) => {
      if (!(field in current)) return current;
      const next = { ...current };
      delete next[field];
      return next;
    });
  }, []);

  /** Shows the server's problems with this form's fields, if the error carries any. */
  const showApiError = useCallback(
    (error: unknown): boolean => {
      const mapped: FieldErrors<Field> = {};
      if (error instanceof ApiError) {
        const problems = error.fieldProblems();
        for (const field of fields) {
          if (problems[field]) mapped[field] = problems[field];
        }
      }
      return showErrors(mapped);
    },
    [fields, showErrors],
  );

  return { formRef, errors, showErrors, clearField, showApiError };
}
