import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
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
import { inputProblems, numericTextProblem } from './input-rules';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a value is a UUID string. Ids that reach SQL from outside a validated DTO (token
 * claims, say) are checked with this first: Postgres answers a malformed uuid with an error
 * (22P02), not with "no such row".
 */
export const isUuid = (value: unknown): value is string =>
  typeof value === 'string' && UUID.test(value);

@ValidatorConstraint({ name: 'plainText' })
class PlainTextConstraint implements ValidatorConstraintInterface {
  /** Only judges strings: the type is IsString's to report. */
  validate(value: unknown): boolean {
    return typeof value !== 'string' || isPlainText(value);
  }
  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must not contain control characters`;
  }
}

/**
 * Text without control characters: Postgres refuses NUL in text, and the Atom feed and exports
 * cannot carry the others. `{ each: true }` checks every item of an array.
 */
export const PlainText = (options?: ValidationOptions): PropertyDecorator =>
  Validate(PlainTextConstraint, options);

function flatten(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * The one strict pipe for HTTP bodies, queries and path segments: the input rules every value
 * obeys (input-rules.ts) are checked first, on the raw value; then the DTO's own rules, with
 * unknown fields refused; then the numbers the transformation produced (a query's `limit=1e12`).
 * Every 400 names each bad field.
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Gateways get this pipe too (a standalone app's global pipes reach them), with their
    // `@MessageBody() payload: unknown`: a refusal here would never be acknowledged, so socket
    // payloads are left to validatePayload, which applies the same rules. Every HTTP body is a
    // DTO class.
    if (metadata.type === 'custom' || (metadata.type === 'body' && !isDtoClass(metadata.metatype)))
      return super.transform(value, metadata);
    const field = metadata.data ?? '';
    refuseProblems(inputProblems(value, field));
    if (metadata.type === 'param' && isIdParameter(field) && !isUuid(value)) {
      // Every id in a path is a UUID primary key (each such route also has a ParseUUIDPipe,
      // whose refusal names no field): refuse here with the field named.
      refuseProblems([{ field, problems: [`${field} must be a UUID`] }]);
    }
    if (metadata.metatype === Number && typeof value === 'string') {
      // `@Param('version', ParseIntPipe) version: number`: the route's pipe runs after this one.
      const problem = /^-?\d+$/.test(value) ? numericTextProblem(value) : 'must be a whole number';
      if (problem) refuseProblems([{ field, problems: [`${field} ${problem}`] }]);
    }
    const transformed: unknown = await super.transform(value, metadata);
    refuseProblems(inputProblems(transformed, field));
    return transformed;
  }
}

/** `:id`, `:userId`, `:goalId`…: the path segments that name a row by its UUID. */
const isIdParameter = (name: string): boolean => name === 'id' || /^[a-z][A-Za-z]*Id$/.test(name);

const isDtoClass = (metatype: ArgumentMetadata['metatype']): boolean =>
  metatype !== undefined && metatype !== Object;

function refuseProblems(problems: FieldProblem[]): void {
  if (problems.length === 0) return;
  const named = problems.map((p) => ({ ...p, field: p.field || 'body' }));
  const fields = [...new Set(named.map((p) => p.field))];
  throw badRequest(`Invalid request: ${fields.join(', ')}`, named);
}

export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
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
  refuseProblems(inputProblems(payload));
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) throw toBadRequest(errors);
  refuseProblems(inputProblems(instance));
  return instance;
}
