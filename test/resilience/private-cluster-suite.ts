import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { PrivatePostgres, postgresBinDir } from './private-postgres';

/**
 * A suite run against a private PostgreSQL cluster of its own (initdb in a temp dir, its own port), so the server can
 * really be restarted and crashed without disturbing the machine's shared one. It needs the server binaries, not
 * DATABASE_URL, and is skipped with the reason when they are missing. After the suite no process of the cluster
 * may be left, and no uncaught exception may have happened ("the process stays up": an unhandled 'error' of a dead
 * connection would be one).
 */
export function privateClusterSuite(title: string, databases: readonly string[], body: (cluster: () => PrivatePostgres, uncaught: readonly unknown[]) => void): void {
  const bin = postgresBinDir();
  const skip = bin
    ? false
    : 'the PostgreSQL server binaries (initdb, pg_ctl, postgres in /usr/lib/postgresql/<version>/bin) are missing: install the postgresql package (scripts/system-deps.sh)';
  describe(title, { skip }, () => {
    let cluster: PrivatePostgres | undefined;
    const uncaught: unknown[] = [];
    const monitor = (err: unknown) => uncaught.push(err);

    before(async () => {
      process.on('uncaughtExceptionMonitor', monitor);
      cluster = await PrivatePostgres.start(bin as string);
      for (const db of databases) await cluster.query(`CREATE DATABASE ${db}`);
    });

    after(async () => {
      process.off('uncaughtExceptionMonitor', monitor);
      await cluster?.stop();
      assert.deepEqual(cluster ? cluster.serverProcesses() : [], [], 'no postgres process of the private cluster is left');
      assert.deepEqual(uncaught, [], 'no uncaught exception');
    });

    body(() => {
      if (!cluster) throw new Error('the private cluster did not start');
      return cluster;
    }, uncaught);
  });
}

/** Terminates every backend of the app (its own application_name); returns how many. */
export async function terminateBackends(cluster: PrivatePostgres, applicationName: string): Promise<number> {
  const rows = await cluster.query<{ n: number }>(
    'SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1',
    [applicationName],
  );
  return rows[0]?.n ?? 0;
}

/** A fault's own duration (a server kept down, time to see the service recover): not a wait for a condition. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
