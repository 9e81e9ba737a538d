import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, symlinkSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bestAvailableSpec } from '../face-common/engine-spec';
import { INTEL_REID_FILES } from '../face-intel/intel-reid-recognizer';
import { LOCAL_MODELS, MODEL_CATALOGUE, type ModelEntry } from './catalogue';
import { runModelsCommand } from './cli';
import { INSTALL_EXIT, installModel, ModelInstallError } from './install';

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
    assert.equal(bad, INSTALL_EXIT.checksum);
    assert.match(lines.at(-1) ?? '', /SHA-256 mismatch/);
  });
});

const SHARED_INTEL = path.resolve('../shared/models/intel-face-reid-0095');

describe('models install intel-reid --from DIR (Intel IR from ../shared/models)', { skip: !existsSync(SHARED_INTEL) && `${SHARED_INTEL} is absent` }, () => {
  let dir: string;
  const run = async (args: string[]) => {
    const lines: string[] = [];
    const code = await runModelsCommand(args, path.join(dir, 'unused'), (l) => lines.push(l));
    return { code, text: lines.join('\n') };
  };
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'kc-intel-install-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('copies and checks the IR, converts it at install time, and the engine then prefers it', async () => {
    const target = path.join(dir, 'models');
    const r = await run(['install', 'intel-reid', '--from', SHARED_INTEL, '--dir', target]);
    assert.equal(r.code, 0, r.text);
    assert.match(r.text, new RegExp(`sha256 ${LOCAL_MODELS['intel-reid']?.binSha256} verified`));
    const files = readdirSync(target).sort();
    assert.ok(files.includes(INTEL_REID_FILES.xml) && files.includes(INTEL_REID_FILES.bin), files.join(', '));
    assert.equal(files.filter((f) => f.endsWith('.onnx')).length, 1, 'converted at install time');
    assert.deepEqual(files.filter((f) => f.includes('.part-')), []);
    assert.deepEqual(await readFile(path.join(target, INTEL_REID_FILES.bin)), await readFile(path.join(SHARED_INTEL, INTEL_REID_FILES.bin)));
    const again = await run(['install', 'intel-reid', '--from', SHARED_INTEL, '--dir', target]);
    assert.equal(again.code, 0);
    assert.match(again.text, /already installed/);
    // Without YuNet the npm engine stays; with it, YuNet + Intel is the best engine.
    assert.equal(bestAvailableSpec(target).kind, 'faceapi');
    if (existsSync(SHARED_YUNET)) {
      symlinkSync(SHARED_YUNET, path.join(target, MODEL_CATALOGUE.yunet?.file as string));
      assert.equal(bestAvailableSpec(target).kind, 'yunet-intel');
    }
  });

  it('accepts the Open Model Zoo layout (FP16/ folder, names without .FP16)', async () => {
    const omz = path.join(dir, 'omz', 'FP16');
    await mkdir(omz, { recursive: true });
    await copyFile(path.join(SHARED_INTEL, INTEL_REID_FILES.xml), path.join(omz, 'face-reidentification-retail-0095.xml'));
    await copyFile(path.join(SHARED_INTEL, INTEL_REID_FILES.bin), path.join(omz, 'face-reidentification-retail-0095.bin'));
    const r = await run(['install', 'intel-reid', '--from', path.dirname(omz), '--dir', path.join(dir, 'omz-models')]);
    assert.equal(r.code, 0, r.text);
  });

  it('rejects wrong weights, a missing file and a foreign topology with distinct exit codes, leaving nothing installed', async () => {
    const bad = path.join(dir, 'bad');
    await mkdir(bad, { recursive: true });
    await copyFile(path.join(SHARED_INTEL, INTEL_REID_FILES.xml), path.join(bad, INTEL_REID_FILES.xml));
    const target = path.join(dir, 'bad-models');

    const missing = await run(['install', 'intel-reid', '--from', bad, '--dir', target]);
    assert.equal(missing.code, INSTALL_EXIT.missing, missing.text);
    assert.match(missing.text, /lacks face-reidentification-retail-0095\.FP16\.bin/);

    const weights = await readFile(path.join(SHARED_INTEL, INTEL_REID_FILES.bin));
    weights[1000] = (weights[1000] as number) ^ 1; // one flipped bit
    await writeFile(path.join(bad, INTEL_REID_FILES.bin), weights);
    const wrong = await run(['install', 'intel-reid', '--from', bad, '--dir', target]);
    assert.equal(wrong.code, INSTALL_EXIT.checksum, wrong.text);
    assert.match(wrong.text, /SHA-256 mismatch for face-reidentification-retail-0095\.FP16\.bin: got [0-9a-f]{64}, expected 3289078133e4/);

    await copyFile(path.join(SHARED_INTEL, INTEL_REID_FILES.bin), path.join(bad, INTEL_REID_FILES.bin));
    await writeFile(path.join(bad, INTEL_REID_FILES.xml), '<net name="other" version="10"><layers></layers><edges></edges></net>');
    const foreign = await run(['install', 'intel-reid', '--from', bad, '--dir', target]);
    assert.equal(foreign.code, INSTALL_EXIT.invalid, foreign.text);
    assert.match(foreign.text, /not a topology this version can convert: OpenVINO IR version 10/);

    assert.deepEqual(existsSync(target) ? await readdir(target) : [], []);
    const noFrom = await run(['install', 'intel-reid', '--dir', target]);
    assert.equal(noFrom.code, 2);
  });
});
