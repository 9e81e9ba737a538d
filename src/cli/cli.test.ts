import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DiskBlobStore } from '../platform/adapters/blobs-disk';
import { openPglite } from '../platform/adapters/db-pglite';
import { migrate } from '../platform/db/migrate';
import { AnchorWriter, blobAnchorPlace } from '../modules/audit/audit.anchor';
import { loadOrCreateSigner } from '../modules/audit/audit.keys';
import { recordAudit } from '../modules/audit/audit.service';

const BIN = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../../bin/kycuong.mjs');

function cli(dataDir: string, ...args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, KC_DATA_DIR: dataDir, KC_LOG_LEVEL: 'silent', DATABASE_URL: '' }, encoding: 'utf8' });
}

describe('kycuong CLI', () => {
  it('explains usage and exits 2 on an unknown command', () => {
    const r = cli(os.tmpdir(), 'frobnicate');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown command: frobnicate/);
    assert.match(r.stderr, /audit-verify/);
  });

  it('audit-verify: 0 on an intact log, 3 with one reason line per problem (changed row, gap, cut-off tail)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-cli-'));
    const open = async () => openPglite(path.join(dir, 'pg'));
    let db = await open();
    await migrate(db);
    for (let i = 0; i < 10; i++) await recordAudit(db, { actor: { name: 'cli-test' }, action: 'test.write', entityType: 'thing', entityId: String(i) });
    // The key the server would create at first start in KC_DATA_DIR/keys.
    const signer = loadOrCreateSigner(path.join(dir, 'keys', 'audit-anchor.key'));
    await new AnchorWriter(db, [blobAnchorPlace(new DiskBlobStore(path.join(dir, 'blobs')))], signer).write(new Date());
    await db.close();

    let r = cli(dir, 'audit-verify');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /10 entries, 1 signed anchors/);

    db = await open();
    await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
    await db.query(`UPDATE audit_log SET entity_id = 'forged' WHERE seq = 4`);
    await db.close();
    r = cli(dir, 'audit-verify');
    assert.equal(r.status, 3);
    assert.match(r.stderr, /#4 \(content_changed\)/);

    db = await open();
    await db.query(`UPDATE audit_log SET entity_id = '3' WHERE seq = 4`);
    await db.query('DELETE FROM audit_log WHERE seq IN (6, 9, 10)');
    await db.close();
    r = cli(dir, 'audit-verify');
    assert.equal(r.status, 3, r.stdout);
    const lines = r.stderr.split('\n').filter((l) => /^\s+#/.test(l));
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines[0] as string, /#6 \(row_missing\).*#6–#6/);
    assert.match(lines[1] as string, /#9 \(tail_deleted\).*#9–#10/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
