import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { inFlowOrder, MODULE_ORDER, MODULES } from './modules';

const modulesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../modules');

describe('module order', () => {
  it('wires every module in the order of src/app/module-order.json', () => {
    assert.deepEqual(
      MODULES.map((m) => m.name),
      [...MODULE_ORDER],
    );
  });

  it('gives every module folder its place in the order', () => {
    const folders = fs.readdirSync(modulesDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    assert.deepEqual(folders.sort(), [...MODULE_ORDER].sort());
  });

  it('refuses a module without a place and a place without a module', () => {
    assert.throws(() => inFlowOrder([{ name: 'a' }, { name: 'b' }], ['a']), /missing from src\/app\/module-order.json: b/);
    assert.throws(() => inFlowOrder([{ name: 'a' }], ['a', 'b']), /not in src\/app\/modules.ts: b/);
    assert.deepEqual(
      inFlowOrder([{ name: 'b' }, { name: 'a' }], ['a', 'b']).map((m) => m.name),
      ['a', 'b'],
    );
  });
});
