import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import { freePort } from '../../../test/helpers/nats';
import type { BlobStore } from '../ports/blobs';
import { DiskBlobStore } from './blobs-disk';
import { S3BlobStore } from './blobs-s3';

async function text(s: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const c of s) parts.push(Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

/** The same behaviour from every blob adapter: put/get/stat/list/delete and refusal of unsafe keys. */
function contract(name: string, open: () => Promise<BlobStore>) {
  describe(`blob store contract [${name}]`, () => {
    let store: BlobStore;
    before(async () => {
      store = await open();
    });

    it('stores buffers and streams and reads them back', async () => {
      await store.put('evidence/2026/11/a.txt', Buffer.from('xin chào'));
      await store.put('evidence/2026/11/b.txt', Readable.from([Buffer.from('luồng '), Buffer.from('dữ liệu')]));
      assert.equal((await store.getBuffer('evidence/2026/11/a.txt')).toString(), 'xin chào');
      assert.equal(await text(await store.get('evidence/2026/11/b.txt')), 'luồng dữ liệu');
      const st = await store.stat('evidence/2026/11/a.txt');
      assert.equal(st?.size, Buffer.byteLength('xin chào'));
      assert.equal(await store.stat('evidence/none.txt'), undefined);
    });

    it('lists by prefix and deletes', async () => {
      const keys: string[] = [];
      for await (const b of store.list('evidence/2026/')) keys.push(b.key);
      assert.deepEqual(keys.sort(), ['evidence/2026/11/a.txt', 'evidence/2026/11/b.txt']);
      await store.delete('evidence/2026/11/a.txt');
      assert.equal(await store.stat('evidence/2026/11/a.txt'), undefined);
    });

    it('refuses keys that try to leave the store', async () => {
      for (const bad of ['../etc/passwd', '/abs/path', 'a/../../b', 'a\\b', 'a//b', ''])
        await assert.rejects(store.put(bad, Buffer.from('x')), /unsafe blob key/);
    });
  });
}

const diskDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-blobs-'));
contract('disk', async () => new DiskBlobStore(diskDir));

describe('S3-compatible (s3rver on loopback)', () => {
  let server: { run(): Promise<unknown>; close(): Promise<void> };
  let port = 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-s3-'));
  before(async () => {
    port = await freePort();
    server = new S3rver({ address: '127.0.0.1', port, silent: true, directory: dir });
    await server.run();
  });
  after(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(diskDir, { recursive: true, force: true });
  });
  contract('s3', async () => {
    const store = new S3BlobStore({ endpoint: `http://127.0.0.1:${port}`, bucket: 'kc-test', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    await store.ensureBucket();
    return store;
  });
});
