import { createServer } from 'node:net';

/**
 * A start that cannot go on for a reason a person can fix (a busy port, a data folder in use):
 * `main` prints its message as one line and exits 1, without a stack trace.
 */
export class StartupError extends Error {}

/** Fails fast, before the database is touched, when something already listens on the port. */
export function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') fail(portInUse(port));
      else done(); // Anything else (no such interface, say) is for listen() itself to report.
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => done()));
  });
}

export function portInUse(port: number): StartupError {
  return new StartupError(
    `Port ${port} is in use (another Tandem, or another program, listens on it): stop it or set PORT`,
  );
}
