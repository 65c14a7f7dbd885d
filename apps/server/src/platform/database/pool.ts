import pg from 'pg';

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * The `pg` module with a Pool that keeps two budgets where pg-pool has one
 * (`connectionTimeoutMillis`): how long a request waits for a busy pool to free a connection
 * (`acquireTimeoutMs`: short, so a saturated database answers 503 soon), and how long opening a
 * new connection may take (`connectTimeoutMs`: longer, because SCRAM's key derivation runs on
 * libuv's thread pool beside password hashing, and a burst of sign-ins can hold it up for
 * seconds while nothing is wrong with the database). Handed to TypeORM as its `driver`.
 *
 * pg-pool reads connectionTimeoutMillis synchronously inside connect(): for the wait in the
 * queue when the pool is full or has an idle connection, for the connect timer when it opens one.
 * Setting it just before each call picks the matching budget. A queued request that the pool
 * later serves by opening a connection (after one failed or was removed) gets the setting of the
 * latest call; it is bounded either way.
 */
export function pgWithSeparateTimeouts(
  acquireTimeoutMs: number,
  connectTimeoutMs: number,
): typeof pg {
  class TandemPool extends pg.Pool {
    override connect(): Promise<pg.PoolClient>;
    override connect(callback: ConnectCallback): void;
    override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
      const max = this.options.max;
      // Not full: this call gets an idle connection at once or opens one, so it has the connect
      // budget. The setting is shared by every call in flight (pg reads it when it opens a
      // connection), so a short wait is set only when no call can be opening a connection now.
      const full = this.totalCount >= max;
      this.options.connectionTimeoutMillis = full ? acquireTimeoutMs : connectTimeoutMs;
      return callback ? super.connect(callback) : super.connect();
    }
  }
  return { ...pg, Pool: TandemPool };
}
