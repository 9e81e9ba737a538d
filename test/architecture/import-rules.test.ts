import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';

const repo = path.resolve(import.meta.dirname, '../..');
const depcruise = path.join(repo, 'node_modules/.bin/depcruise');

interface CruiseJson {
  summary: { violations: Array<{ rule: { name: string }; from: string; to: string }> };
}

/** Runs the dependency-cruiser CLI (as scripts/test.sh does) in `cwd` with that folder's config. */
async function violationsIn(cwd: string): Promise<string[]> {
  const run = await promisify(execFile)(depcruise, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], {
    cwd,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
  const result = JSON.parse(run.stdout) as CruiseJson;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
}

describe('import rules (dependency-cruiser, tools/import-rules.cjs)', () => {
  it('the production tree follows them', async () => {
    const found = await violationsIn(repo);
    assert.deepEqual(found, [], `import rule violations:\n${found.join('\n')}`);
  });

  it('each rule fires on a deliberately bad import, and good imports pass', async () => {
    const found = await violationsIn(path.join(repo, 'test/architecture/fixtures/bad'));
    // A cycle is reported once, from whichever of its files the cruise reaches first.
    const cycles = found.filter((v) => v.startsWith('no-circular: '));
    assert.equal(cycles.length, 1, found.join('\n'));
    assert.match(cycles[0] ?? '', /^no-circular: src\/modules\/beta\/cycle-(one|two)\.ts → src\/modules\/beta\/cycle-(one|two)\.ts$/);
    assert.deepEqual(found.filter((v) => !v.startsWith('no-circular: ')), [
      'flow-alpha: src/modules/alpha/uses-later.ts → src/modules/beta/index.ts',
      'module-through-index: src/modules/beta/bypass.ts → src/modules/alpha/inner.ts',
      'module-through-index: src/modules/beta/wires.ts → src/modules/alpha/module.ts',
      'module-ts-only-from-root: src/modules/beta/wires.ts → src/modules/alpha/module.ts',
      'no-adapters-in-modules: src/modules/beta/adapter-user.ts → src/platform/adapters/disk.ts',
      'no-composition-root-below: src/platform/uses-app.ts → src/app/root.ts',
      'pure-domain-no-io: src/modules/alpha/domain/rule.ts → fs',
    ]);
  });
});
