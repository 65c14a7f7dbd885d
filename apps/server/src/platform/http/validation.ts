import { ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import {
  validate,
  Validate,
  ValidationArguments,
  ValidationOptions,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { badRequest, DomainError, FieldProblem, isPlainText } from '@tandem/domain';

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The one strict pipe for HTTP bodies and queries (and, later, socket payloads): unknown fields
 * are refused, and the 400 names every bad field.
 */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: toBadRequest,
  });
}

function toBadRequest(errors: ValidationError[]): DomainError {
  const details = flatten(errors);
  const fields = [...new Set(details.map((d) => d.field))];
  return badRequest(`Invalid request: ${fields.join(', ')}`, details);
}

/**
 * The same strict rules for socket payloads, which Nest's global pipe does not reach: unknown
 * fields and wrong types are refused with the fields named.
 */
export async function validatePayload<T extends object>(
  type: new () => T,
  payload: unknown,
): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw badRequest('Invalid request: the payload must be an object');
  }
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) throw toBadRequest(errors);
  return instance;
}

@ValidatorConstraint({ name: 'plainText' })
export class PlainTextConstraint implements ValidatorConstraintInterface {
  /** Only judges strings: the type is IsString's to report. */
  validate(value: unknown): boolean {
    return typeof value !== 'string' || isPlainText(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must not contain control characters`;
  }
}

/** Text without control characters (Postgres refuses NUL; the Atom feed cannot carry any). */
export const PlainText = (options?: ValidationOptions) => Validate(PlainTextConstraint, options);
