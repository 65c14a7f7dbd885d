import {
  badRequest,
  conflict,
  DomainError,
  ERROR_CODES,
  forbidden,
  HTTP_STATUS_FOR,
  notFound,
  unauthorized,
  type ErrorCode,
  type FieldProblem,
} from './errors';

describe('ERROR_CODES', () => {
  it('lists each code once', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it('uses snake_case codes only', () => {
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});

describe('HTTP_STATUS_FOR', () => {
  it('has an entry for every code and nothing else', () => {
    expect(Object.keys(HTTP_STATUS_FOR).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(ERROR_CODES.map((code) => [code]))('maps %s to a 4xx or 5xx status', (code) => {
    const status = HTTP_STATUS_FOR[code];
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it.each([
    ['bad_request', 400],
    ['unauthorized', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['invalid_transition', 409],
    ['rate_limited', 429],
    ['unavailable', 503],
    ['internal', 500],
  ] as [ErrorCode, number][])('maps %s to %i', (code, status) => {
    expect(HTTP_STATUS_FOR[code]).toBe(status);
  });

  it('maps only unavailable and internal to a server error; everything else is the client’s', () => {
    const serverSide = ERROR_CODES.filter((code) => HTTP_STATUS_FOR[code] >= 500);
    expect(serverSide).toEqual(['unavailable', 'internal']);
  });
});

describe('DomainError', () => {
  it('is an Error carrying code, message, details and its own name', () => {
    const details = { field: 'email' };
    const error = new DomainError('invalid_transition', 'Cannot reopen', details);
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.name).toBe('DomainError');
    expect(error.code).toBe('invalid_transition');
    expect(error.message).toBe('Cannot reopen');
    expect(error.details).toBe(details);
    expect(error.stack).toEqual(expect.any(String));
  });

  it('leaves details undefined when none are given', () => {
    expect(new DomainError('conflict', 'x').details).toBeUndefined();
  });

  it('can be thrown and caught by code', () => {
    const thrower = (): never => {
      throw new DomainError('rate_limited', 'Slow down');
    };
    expect(thrower).toThrow(DomainError);
    expect(thrower).toThrow('Slow down');
    try {
      thrower();
    } catch (error) {
      expect(error).toMatchObject({ code: 'rate_limited', message: 'Slow down' });
    }
    expect.assertions(3);
  });
});

describe('helper constructors', () => {
  it('notFound names the missing thing', () => {
    const error = notFound('Network');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('not_found');
    expect(error.message).toBe('Network not found');
    expect(error.details).toBeUndefined();
  });

  it('forbidden keeps the message', () => {
    const error = forbidden('Only admins can change roles');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('forbidden');
    expect(error.message).toBe('Only admins can change roles');
    expect(error.details).toBeUndefined();
  });

  it('conflict keeps message and optional details', () => {
    const withoutDetails = conflict('Slug taken');
    expect(withoutDetails.code).toBe('conflict');
    expect(withoutDetails.message).toBe('Slug taken');
    expect(withoutDetails.details).toBeUndefined();

    const details = { slug: 'housing-utrecht' };
    const withDetails = conflict('Slug taken', details);
    expect(withDetails).toBeInstanceOf(DomainError);
    expect(withDetails.details).toBe(details);
  });

  it('badRequest keeps message and field problems', () => {
    const problems: FieldProblem[] = [
      { field: 'email', problems: ['must be an email address'] },
      { field: 'password', problems: ['too short', 'too common'] },
    ];
    const error = badRequest('Validation failed', problems);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('bad_request');
    expect(error.message).toBe('Validation failed');
    expect(error.details).toEqual(problems);

    expect(badRequest('Bad cursor').details).toBeUndefined();
  });

  it('unauthorized defaults its message and accepts another', () => {
    const byDefault = unauthorized();
    expect(byDefault).toBeInstanceOf(DomainError);
    expect(byDefault.code).toBe('unauthorized');
    expect(byDefault.message).toBe('Authentication required');

    const custom = unauthorized('Session expired');
    expect(custom.code).toBe('unauthorized');
    expect(custom.message).toBe('Session expired');
  });

  it.each([
    ['notFound', () => notFound('Thing'), 404],
    ['forbidden', () => forbidden('no'), 403],
    ['conflict', () => conflict('no'), 409],
    ['badRequest', () => badRequest('no'), 400],
    ['unauthorized', () => unauthorized(), 401],
  ] as [string, () => DomainError, number][])('%s maps to HTTP %i', (_name, make, status) => {
    expect(HTTP_STATUS_FOR[make().code]).toBe(status);
  });

  it('returns a fresh error on every call', () => {
    expect(notFound('Network')).not.toBe(notFound('Network'));
    expect(unauthorized()).not.toBe(unauthorized());
  });
});
