import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertMatches } from './expectations';
import { UNITS } from './fixture';
import { runPure } from './pure-runner';
import { SCENARIOS } from './scenarios';

describe('attendance conformance (pure day function)', () => {
  it('has at least 60 scenarios with unique ids, covering every required case', () => {
    assert.ok(SCENARIOS.length >= 60, `only ${SCENARIOS.length} scenarios`);
    assert.equal(new Set(SCENARIOS.map((s) => s.id)).size, SCENARIOS.length);
    const tags = new Set(SCENARIOS.flatMap((s) => s.tags));
    for (const t of ['grace', 'split', 'missing', 'duplicate', 'order', 'late-arrival', 'skew', 'holiday', 'compensatory', 'makeup', 'leave', 'half-day', 'trip', 'offline', 'employment', 'merge', 'tz', 'lnr', 'pending', 'permission'])
      assert.ok(tags.has(t), `no scenario tagged ${t}`);
  });
  for (const s of SCENARIOS) {
    it(`${s.id}: ${s.title}`, () => {
      const r = runPure(s);
      assertMatches(s, r.dayStatus, r.sessions, 'pure');
      if (s.expect.unit) assert.equal(r.baseUnitId, UNITS[s.expect.unit], `${s.id}: unit of record`);
    });
  }
});
