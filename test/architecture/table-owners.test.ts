import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { crossOwnerSql, tableOwners } from './table-owners';

const repo = path.resolve(import.meta.dirname, '../..');
const known = (JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'cross-owner-sql.known.json'), 'utf8')) as { known: string[] }).known;

describe('table owners: a module writes SQL only against its own tables (reports excepted)', () => {
  it('every table has one owning module', () => {
    const owners = tableOwners(path.join(repo, 'src/modules'));
    assert.ok(owners.size > 50, `only ${owners.size} tables found`);
    assert.equal(owners.get('violations'), 'violations');
    assert.equal(owners.get('persons'), 'people');
  });

  it('no new SQL reaches into another module’s tables, and paid-off debt leaves the known list', () => {
    const now = crossOwnerSql(repo);
    const added = now.filter((x) => !known.includes(x));
    const gone = known.filter((x) => !now.includes(x));
    assert.deepEqual(added, [], `new SQL on another module's tables — use the owner's index, or put the read model in reports:\n${added.join('\n')}`);
    assert.deepEqual(gone, [], `no longer true, remove from test/architecture/cross-owner-sql.known.json:\n${gone.join('\n')}`);
  });
});
