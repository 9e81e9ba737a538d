import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { generateApiTypes, SCHEMA_FILE } from '../../scripts/gen-api-types';

/** The web app compiles against web/src/api/schema.gen.ts: it must be what the current routes generate. */
describe('generated API types (web/src/api/schema.gen.ts)', () => {
  it('match the OpenAPI document of the current routes', async () => {
    const fresh = await generateApiTypes();
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    if (committed === fresh) return;
    const a = committed.split('\n');
    const b = fresh.split('\n');
    let line = 0;
    while (line < a.length && a[line] === b[line]) line++;
    assert.fail(
      `web/src/api/schema.gen.ts is out of date: run \`npm run gen:api\` and commit it.\n` +
        `first difference at line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`,
    );
  });
});
