import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MODEL_CATALOGUE, type ModelEntry } from './catalogue';
import { runModelsCommand } from './cli';
import { installModel, ModelInstallError } from './install';

const SHARED_YUNET = path.resolve('../shared/models/face_detection_yunet_2023mar.onnx');

describe('models install (served from a loopback HTTP server)', () => {
  const payload = randomBytes(100_000);
  const sha = createHash('sha256').update(payload).digest('hex');
  let server: Server;
  let base: string;
  let dir: string;
  const entry = (over: Partial<ModelEntry> = {}): ModelEntry => ({
    name: 'test-model',
    file: 'test-model.onnx',
    url: `${base}/model.bin`,
    sha256: sha,
    bytes: payload.length,
    licence: 'test',
    what: 'bytes served by the test',
    ...over,
  });

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kc-models-'));
    server = createServer(async (req, res) => {
      if (req.url === '/model.bin') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(payload);
      } else if (req.url === '/redirect') {
        res.writeHead(302, { location: '/model.bin' });
        res.end();
      } else if (req.url === '/yunet.onnx' && existsSync(SHARED_YUNET)) {
        res.writeHead(200);
        res.end(await readFile(SHARED_YUNET));
      } else {
        res.writeHead(404);
        res.end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('downloads, verifies the SHA-256 and places the file', async () => {
    const r = await installModel('test-model', { modelsDir: dir, entry: entry({ url: `${base}/redirect` }) });
    assert.equal(r.sha256, sha);
    assert.equal(r.alreadyPresent, false);
    assert.deepEqual(await readFile(r.path), payload);
    const again = await installModel('test-model', { modelsDir: dir, entry: entry() });
    assert.equal(again.alreadyPresent, true);
  });

  it('refuses a file whose SHA-256 does not match and leaves nothing behind', async () => {
    const wrong = entry({ file: 'tampered.onnx', sha256: '0'.repeat(64) });
    await assert.rejects(installModel('test-model', { modelsDir: dir, entry: wrong }), (e: Error) => {
      assert.ok(e instanceof ModelInstallError);
      assert.match(e.message, /SHA-256 mismatch/);
      return true;
    });
    assert.deepEqual((await readdir(dir)).filter((f) => f.startsWith('tampered')), []);
  });

  it('reports HTTP errors and oversized downloads clearly', async () => {
    await assert.rejects(installModel('x', { modelsDir: dir, entry: entry({ file: 'missing.onnx', url: `${base}/nope` }) }), /HTTP 404/);
    await assert.rejects(installModel('x', { modelsDir: dir, entry: entry({ file: 'big.onnx', bytes: 1000 }) }), /larger than the expected 1000 bytes/);
    assert.deepEqual((await readdir(dir)).filter((f) => f.startsWith('big') || f.startsWith('missing')), []);
  });

  it('rejects unknown model names', async () => {
    await assert.rejects(installModel('not-a-model', { modelsDir: dir }), /unknown model "not-a-model"; known: yunet, sface/);
  });

  it('installs from a local file for offline sites, with the same check', async () => {
    const src = path.join(dir, 'offline-copy.bin');
    await writeFile(src, payload);
    const r = await installModel('test-model', { modelsDir: path.join(dir, 'offline'), fromFile: src, entry: entry() });
    assert.equal(r.sha256, sha);
  });

  it('the CLI installs the real YuNet bytes against the catalogue SHA-256 (from ../shared/models via loopback)', async (t) => {
    if (!existsSync(SHARED_YUNET)) {
      t.skip(`${SHARED_YUNET} is absent`);
      return;
    }
    const lines: string[] = [];
    const code = await runModelsCommand(['install', 'yunet', '--dir', path.join(dir, 'cli'), '--url', `${base}/yunet.onnx`], path.join(dir, 'unused'), (l) => lines.push(l));
    assert.equal(code, 0, lines.join('\n'));
    assert.match(lines[0] ?? '', new RegExp(`sha256 ${MODEL_CATALOGUE.yunet?.sha256} verified`));
    const bad = await runModelsCommand(['install', 'sface', '--dir', path.join(dir, 'cli'), '--url', `${base}/yunet.onnx`], path.join(dir, 'unused'), (l) => lines.push(l));
    assert.equal(bad, 1);
    assert.match(lines.at(-1) ?? '', /SHA-256 mismatch/);
  });
});
