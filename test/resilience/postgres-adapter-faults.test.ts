import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { openPostgres } from '../../src/platform/adapters/db-postgres';
import { DatabaseUnavailableError, isDatabaseUnavailable } from '../../src/platform/db/unavailable';
import type { Db } from '../../src/platform/ports/db';
import { privateClusterSuite, sleep, terminateBackends } from './private-cluster-suite';

/** Finding F3 at the adapter: what a dropped connection or a server-side timeout does to one request and to the pool. */

privateClusterSuite('the PostgreSQL adapter under connection faults on a private server (F3)', ['adapter_faults'], (cluster) => {
  const name = `kc-fault-${randomBytes(4).toString('hex')}`;
  let db: Db;

  before(async () => {
    db = await openPostgres(cluster().url('adapter_faults', name), { max: 3, statementTimeoutMs: 500, idleInTransactionTimeoutMs: 1000 });
    await db.exec('CREATE TABLE t (id int PRIMARY KEY)');
  });

  after(async () => {
    await db?.close();
  });

  it('a backend terminated while its transaction waits between statements fails that transaction with 503, and the process and pool go on', async () => {
    const failed = await db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (1)');
        // The server sends 57P01 while this client is checked out and idle: before the fix, an unhandled 'error'.
        assert.ok((await terminateBackends(cluster(), name)) >= 1);
        await sleep(300);
        await tx.query('INSERT INTO t VALUES (2)');
      })
      .then(
        () => undefined,
        (err: unknown) => err,
      );
    assert.ok(failed instanceof DatabaseUnavailableError, `got ${String(failed)}`);
    assert.equal(failed.status, 503);
    assert.equal(failed.code, 'DATABASE_UNAVAILABLE');
    assert.match(failed.messageVi, /cơ sở dữ liệu/);
    assert.match(failed.messageEn, /database/);
    // Nothing of the failed transaction was kept, and the pool serves the next request.
    assert.deepEqual(await db.query('SELECT id FROM t'), []);
    await db.transaction((tx) => tx.query('INSERT INTO t VALUES (3)'));
    assert.deepEqual(await db.query('SELECT id FROM t'), [{ id: 3 }]);
  });

  it('idle clients of the pool terminated between requests are replaced without an error', async () => {
    await Promise.all([db.query('SELECT 1'), db.query('SELECT 1'), db.query('SELECT 1')]);
    assert.ok((await terminateBackends(cluster(), name)) >= 1);
    await sleep(200);
    // Either a fresh connection answers, or the one request that met a dead connection gets 503; never a crash.
    const outcome = await db.query<{ one: number }>('SELECT 1 AS one').catch((err: unknown) => err);
    assert.ok(Array.isArray(outcome) || isDatabaseUnavailable(outcome), String(outcome));
    assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }]);
  });

  it('a statement timeout and an idle-in-transaction timeout answer 503 DATABASE_TIMEOUT; SQL errors keep their code', async () => {
    await assert.rejects(db.query('SELECT pg_sleep(2)'), (err: unknown) => err instanceof DatabaseUnavailableError && err.code === 'DATABASE_TIMEOUT');
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('SELECT 1');
        await sleep(1600);
        await tx.query('SELECT 1');
      }),
      (err: unknown) => err instanceof DatabaseUnavailableError && err.code === 'DATABASE_TIMEOUT',
    );
    await assert.rejects(db.query('INSERT INTO t VALUES (3)'), (err: unknown) => (err as { code?: string }).code === '23505' && !isDatabaseUnavailable(err));
    // Migrations (scripts in a transaction) run without the statement timeout.
    await db.transaction((tx) => tx.exec('SELECT pg_sleep(0.8); INSERT INTO t VALUES (4);'));
    assert.equal((await db.query('SELECT id FROM t WHERE id = 4')).length, 1);
  });
});

