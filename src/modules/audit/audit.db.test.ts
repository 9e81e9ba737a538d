import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, it } from 'node:test';
import { forEachDb } from '../../../test/helpers/db';
import { DiskBlobStore } from '../../../test/helpers/adapters';
import type { Db } from '../../platform/ports/db';
import { type AnchorPlace, AnchorWriter, blobAnchorPlace, dirAnchorPlace, verifyWithAnchors } from './audit.anchor';
import { loadOrCreateSigner, loadVerifier } from './audit.keys';
import { type AuditRow, computeAuditHash, recordAudit, verifyAuditChain } from './audit.service';

/**
 * The tampering cases of the security probe (December 2026, section 4), each on PGlite and PostgreSQL: the attacker
 * owns the database (can disable triggers, edit, delete, recompute hashes with the app's own function) but not the
 * anchor key file nor every anchor place.
 */
async function append(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await recordAudit(db, {
      actor: { id: null, name: 'tester', ip: '127.0.0.1' },
      action: 'test.write',
      entityType: 'thing',
      entityId: String(i),
      details: { i, nested: { b: 2, a: 1, list: [3, 'ă', null] }, at: new Date('2026-01-02T03:04:05.678Z') },
    });
}

/** What someone with the database can do: run statements with the append-only triggers switched off. */
async function asDatabaseOwner(db: Db, sql: string, params: unknown[] = []): Promise<void> {
  await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
  try {
    await db.query(sql, params);
  } finally {
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
  }
}

/** Edits row `from` and recomputes every later hash with the app's own function, so the chain alone is consistent. */
async function rewriteAndRehash(db: Db, from: number): Promise<void> {
  await db.exec('ALTER TABLE audit_log DISABLE TRIGGER USER');
  try {
    await db.query(`UPDATE audit_log SET details = jsonb_set(details, '{i}', '999') WHERE seq = $1`, [from]);
    const rows = await db.query<AuditRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq', [from]);
    let prev = (await db.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [from - 1]))[0]?.hash as string;
    for (const row of rows) {
      const { hash: _old, ...rest } = row;
      const hash = computeAuditHash({ ...rest, seq: Number(row.seq), at: new Date(row.at), prev_hash: prev });
      await db.query('UPDATE audit_log SET prev_hash = $1, hash = $2 WHERE seq = $3', [prev, hash, row.seq]);
      prev = hash;
    }
  } finally {
    await db.exec('ALTER TABLE audit_log ENABLE TRIGGER USER');
  }
}

forEachDb('audit log integrity', (getDb) => {
  let dir: string;
  let places: AnchorPlace[];
  let writer: AnchorWriter;
  const keyFile = () => path.join(dir, 'keys', 'audit-anchor.key');
  const verify = async () => verifyWithAnchors(await getDb(), places, loadVerifier({ keyFile: keyFile() }), 7);
  const anchorNow = async () => writer.write(new Date());

  beforeEach(async () => {
    const db = await getDb();
    // Each case starts from an empty log and fresh anchor places and key.
    await asDatabaseOwner(db, 'DELETE FROM audit_log');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-audit-'));
    places = [blobAnchorPlace(new DiskBlobStore(path.join(dir, 'blobs'))), dirAnchorPlace(path.join(dir, 'second-disk'))];
    writer = new AnchorWriter(db, places, loadOrCreateSigner(keyFile()));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the anchor key outside the database, readable by its owner only, and verifies an intact log', async () => {
    const db = await getDb();
    await append(db, 12);
    await anchorNow();
    assert.equal(await anchorNow(), undefined, 'an unchanged head is not anchored twice');
    await append(db, 13);
    const second = await anchorNow();
    assert.deepEqual({ seq: second?.anchor.seq, count: second?.anchor.count }, { seq: 25, count: 25 });
    assert.equal(fs.statSync(keyFile()).mode & 0o777, 0o600);
    assert.equal(fs.readdirSync(path.join(dir, 'second-disk')).length, 2, 'the second place has a copy of each anchor');
    const v = await verify();
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.deepEqual({ checked: v.checked, anchors: v.anchors, lastSeq: v.lastSeq }, { checked: 25, anchors: 2, lastSeq: 25 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the log', async () => {
    const db = await getDb();
    await append(db, 3);
    await assert.rejects(db.query(`UPDATE audit_log SET actor_name = 'x' WHERE seq = 1`), /append-only/);
    await assert.rejects(db.query('DELETE FROM audit_log WHERE seq = 2'), /append-only/);
    await assert.rejects(db.query('TRUNCATE audit_log'), /append-only/);
    await assert.rejects(db.exec('TRUNCATE audit_log CASCADE'), /append-only/);
    assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]?.n, 3);
  });

  it('names an edited row', async () => {
    const db = await getDb();
    await append(db, 25);
    await anchorNow();
    await asDatabaseOwner(db, `UPDATE audit_log SET details = jsonb_set(details, '{i}', '999') WHERE seq = 13`);
    const v = await verify();
    assert.equal(v.ok, false);
    assert.deepEqual(
      v.problems.map((p) => [p.kind, p.seq]),
      [['content_changed', 13]],
    );
    assert.equal(v.brokenAt?.seq, 13);
    assert.equal(v.checked, 25, 'the walk goes on past the edited row');
  });

  it('detects a row edited and every later hash recomputed, through the anchors', async () => {
    const db = await getDb();
    await append(db, 10);
    await anchorNow();
    await append(db, 10);
    await anchorNow();
    await append(db, 5);
    await rewriteAndRehash(db, 13);
    assert.equal((await verifyAuditChain(db, 7)).ok, true, 'the chain alone cannot see a full recomputation');
    const v = await verify();
    assert.equal(v.ok, false);
    assert.deepEqual(
      v.problems.map((p) => [p.kind, p.seq]),
      [['chain_rewritten', 20]],
    );
    assert.match(v.problems[0]?.messageEn ?? '', /rewritten and rehashed after #10/);
  });

  it('detects rows cut off the end, naming the range', async () => {
    const db = await getDb();
    await append(db, 20);
    await anchorNow();
    await asDatabaseOwner(db, 'DELETE FROM audit_log WHERE seq > 16');
    const v = await verify();
    assert.equal(v.ok, false);
    assert.deepEqual(
      v.problems.map((p) => [p.kind, p.seq, p.toSeq]),
      [['tail_deleted', 17, 20]],
    );
    assert.match(v.problems[0]?.messageEn ?? '', /records 20 entries, the log has 16/);
  });

  it('detects an emptied log (TRUNCATE with the trigger dropped)', async () => {
    const db = await getDb();
    await append(db, 8);
    await anchorNow();
    await asDatabaseOwner(db, 'TRUNCATE audit_log');
    const v = await verify();
    assert.equal(v.ok, false);
    assert.equal(v.checked, 0);
    assert.deepEqual(
      v.problems.map((p) => [p.kind, p.seq, p.toSeq]),
      [['truncated', 1, 8]],
    );
  });

  it('names the missing range when rows are deleted in the middle', async () => {
    const db = await getDb();
    await append(db, 20);
    await anchorNow();
    await asDatabaseOwner(db, 'DELETE FROM audit_log WHERE seq BETWEEN 5 AND 7 OR seq = 15');
    const v = await verify();
    assert.equal(v.ok, false);
    assert.deepEqual(
      v.problems.map((p) => [p.kind, p.seq, p.toSeq]),
      [
        ['row_missing', 5, 7],
        ['row_missing', 15, 15],
      ],
    );
    assert.match(v.problems[0]?.messageEn ?? '', /#5–#7 are missing/);
  });

  it('rejects an altered anchor file, an anchor signed with another key, and an anchor removed from one place', async () => {
    const db = await getDb();
    await append(db, 6);
    const first = await anchorNow();
    await append(db, 4);
    await anchorNow();
    assert.equal((await verify()).ok, true);
    const [name1, name2] = fs.readdirSync(path.join(dir, 'second-disk')).sort();
    // 1. Someone with the disk "fixes" an anchor to match a rewritten chain: the signature no longer verifies.
    const blobFile = path.join(dir, 'blobs', 'audit', 'signed-anchors', name1 as string);
    const altered = JSON.parse(fs.readFileSync(blobFile, 'utf8'));
    altered.anchor.hash = 'f'.repeat(64);
    fs.writeFileSync(blobFile, JSON.stringify(altered));
    // 2. A forged anchor signed with a key of their own.
    const rogue = new AnchorWriter(db, [dirAnchorPlace(path.join(dir, 'second-disk'))], loadOrCreateSigner(path.join(dir, 'rogue', 'k.key')));
    await append(db, 1);
    await rogue.write(new Date(Date.now() + 1000));
    // 3. An anchor deleted from the second disk only.
    fs.rmSync(path.join(dir, 'second-disk', name2 as string));
    const v = await verify();
    assert.equal(v.ok, false);
    const kinds = v.problems.map((p) => `${p.kind}:${p.found}`);
    assert.equal(v.problems.length, 3, kinds.join('\n'));
    assert.ok(
      v.problems.some((p) => p.kind === 'anchor_invalid' && p.found.includes(name1 as string) && /signature/.test(p.found)),
      kinds.join('\n'),
    );
    assert.ok(v.problems.some((p) => p.kind === 'anchor_invalid' && p.found.includes('second-disk') && /signature/.test(p.found)));
    assert.ok(v.problems.some((p) => p.kind === 'anchor_missing' && p.expected.endsWith(name2 as string)));
    assert.equal(first?.anchor.seq, 6);
  });
});
