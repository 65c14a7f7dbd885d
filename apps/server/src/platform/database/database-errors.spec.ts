import { QueryFailedError } from 'typeorm';
import { databaseUnavailability, isDatabaseUnavailable } from './database-errors';

const pgError = (code: string, message = 'from postgres'): Error & { code: string } =>
  Object.assign(new Error(message), { code });

describe('databaseUnavailability', () => {
  it.each([
    ['53300', 'too many connections for role "x"'],
    ['57014', 'canceling statement due to statement timeout'],
    ['55P03', 'canceling statement due to lock timeout'],
  ])('calls %s busy', (code, message) => {
    expect(databaseUnavailability(pgError(code, message))).toBe('busy');
  });

  it('calls pg-pool running out of time for a connection busy', () => {
    expect(databaseUnavailability(new Error('timeout exceeded when trying to connect'))).toBe(
      'busy',
    );
  });

  it.each([
    ['57P01', 'terminating connection due to administrator command'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'],
    ['08006', 'connection failure'],
  ])('calls %s down', (code, message) => {
    expect(databaseUnavailability(pgError(code, message))).toBe('down');
  });

  it('calls a connection that timed out while opening down', () => {
    expect(
      databaseUnavailability(new Error('Connection terminated due to connection timeout')),
    ).toBe('down');
  });

  it('looks inside TypeORM query errors', () => {
    const wrapped = new QueryFailedError('UPDATE threads …', [], pgError('55P03'));
    expect(databaseUnavailability(wrapped)).toBe('busy');
  });

  it('leaves errors of the query itself alone', () => {
    expect(isDatabaseUnavailable(pgError('23505', 'duplicate key'))).toBe(false);
    expect(isDatabaseUnavailable(pgError('42P01', 'relation does not exist'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Something else'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
