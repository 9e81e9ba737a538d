import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import { waitFor } from '../../../test/helpers/wait';
import { AppError } from '../errors';
import { allocateNumber, formatNumber, isNumberTaken, parseNumber, recordTakenNumber } from './numbering';

it('formats numbers below 10 with a leading zero and parses them back', () => {
  assert.equal(formatNumber(3, 'BB-ĐKT'), '03/BB-ĐKT');
  assert.equal(formatNumber(12, 'TB-SNV'), '12/TB-SNV');
  assert.deepEqual(parseNumber(' 03/BB-ĐKT '), { seq: 3, symbol: 'BB-ĐKT' });
  assert.deepEqual(parseNumber('15/QĐ-UBND'), { seq: 15, symbol: 'QĐ-UBND' });
  assert.equal(parseNumber('BB-ĐKT'), null);
  assert.equal(parseNumber('00/BB'), null);
  assert.equal(parseNumber('3/'), null);
});

forEachDb('official document numbering register', (getDb, kind) => {
  it('numbers per issuer, per symbol and per year, restarting on 1 January', async () => {
    const db = await getDb();
    const a = randomUUID();
    const b = randomUUID();
    const got: string[] = [];
    for (let i = 0; i < 10; i++) got.push(await db.transaction((tx) => allocateNumber(tx, { issuerUnitId: a, year: 2026, symbol: 'BB-ĐKT' })));
    assert.deepEqual(got, ['01/BB-ĐKT', '02/BB-ĐKT', '03/BB-ĐKT', '04/BB-ĐKT', '05/BB-ĐKT', '06/BB-ĐKT', '07/BB-ĐKT', '08/BB-ĐKT', '09/BB-ĐKT', '10/BB-ĐKT']);
    assert.equal(await allocateNumber(db, { issuerUnitId: a, year: 2026, symbol: 'TB-ĐKT' }), '01/TB-ĐKT');
    assert.equal(await allocateNumber(db, { issuerUnitId: b, year: 2026, symbol: 'BB-ĐKT' }), '01/BB-ĐKT');
    assert.equal(await allocateNumber(db, { issuerUnitId: a, year: 2027, symbol: 'BB-ĐKT' }), '01/BB-ĐKT');
    assert.equal(await allocateNumber(db, { issuerUnitId: a, year: 2026, symbol: 'BB-ĐKT' }), '11/BB-ĐKT');
  });

  it('leaves no number behind when the document is not written, and skips numbers people entered', async () => {
    const db = await getDb();
    const u = randomUUID();
    const key = { issuerUnitId: u, year: 2026, symbol: 'QĐ-UBND' };
    assert.equal(await allocateNumber(db, key), '01/QĐ-UBND');
    await assert.rejects(
      db.transaction(async (tx) => {
        assert.equal(await allocateNumber(tx, key), '02/QĐ-UBND');
        throw new Error('document not written');
      }),
      /document not written/,
    );
    await recordTakenNumber(db, { issuerUnitId: u, year: 2026, numberText: '02/QĐ-UBND', usedFor: 'discipline_decisions:x' });
    await recordTakenNumber(db, { issuerUnitId: u, year: 2026, numberText: '3/QĐ-UBND' });
    assert.equal(await isNumberTaken(db, { issuerUnitId: u, year: 2026, numberText: '03/QĐ-UBND' }), true);
    assert.equal(await isNumberTaken(db, { issuerUnitId: u, year: 2027, numberText: '03/QĐ-UBND' }), false);
    assert.equal(await allocateNumber(db, key), '04/QĐ-UBND');
    const taken = await recordTakenNumber(db, { issuerUnitId: u, year: 2026, numberText: '04/QĐ-UBND' }).catch((e: unknown) => e);
    assert.ok(taken instanceof AppError);
    assert.equal(taken.status, 409);
    assert.equal(taken.code, 'DOCUMENT_NUMBER_TAKEN');
    assert.match(taken.messageVi, /đã được cơ quan dùng/);
    const bad = await recordTakenNumber(db, { issuerUnitId: u, year: 2026, numberText: 'QĐ 15' }).catch((e: unknown) => e);
    assert.ok(bad instanceof AppError);
    assert.equal(bad.code, 'DOCUMENT_NUMBER_FORMAT');
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM official_document_numbers WHERE issuer_unit_id = $1', [u]);
    assert.equal(rows[0]?.n, 4);
  });

  if (kind !== 'postgres') return;

  it('never hands the same number to concurrent transactions (PostgreSQL)', async () => {
    const db = await getDb();
    const u = randomUUID();
    const key = { issuerUnitId: u, year: 2026, symbol: 'TB-SNV' };
    // A first transaction takes a number and stays open; a second one must wait on the counter row, not reuse it.
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let firstTaken!: (n: string) => void;
    const firstNumber = new Promise<string>((r) => {
      firstTaken = r;
    });
    const first = db.transaction(async (tx) => {
      firstTaken(await allocateNumber(tx, key));
      await held;
    });
    assert.equal(await firstNumber, '01/TB-SNV');
    const second = db.transaction((tx) => allocateNumber(tx, key));
    await waitFor(
      'the second allocation to wait on the counter row lock',
      async () => ((await db.query(`SELECT 1 FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query LIKE '%official_document_counters%'`)).length ? true : undefined),
      30_000,
      50,
    );
    release();
    await first;
    assert.equal(await second, '02/TB-SNV');
    // Then a burst: 24 transactions at once over the pool, each must get its own number, all of 03..26 handed out.
    const burst = await Promise.all(Array.from({ length: 24 }, () => db.transaction((tx) => allocateNumber(tx, key))));
    assert.equal(new Set(burst).size, 24);
    assert.deepEqual(
      burst.map((n) => parseNumber(n)?.seq).sort((x, y) => (x ?? 0) - (y ?? 0)),
      Array.from({ length: 24 }, (_, i) => i + 3),
    );
  });
});
