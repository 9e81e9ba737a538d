import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDateVi, formatTimestampVi, formatTimeVi, localDateOf, localMinuteOf, localToInstant, monthBounds, toLocalIso } from '.';

describe('Vietnam time (UTC+7)', () => {
  it('local dates never depend on the machine time zone', () => {
    assert.equal(localDateOf(new Date('2026-03-09T23:50:00Z')), '2026-03-10');
    assert.equal(localMinuteOf(new Date('2026-03-09T23:50:00Z')), 6 * 60 + 50);
    assert.equal(localToInstant('2026-03-10', 7 * 60 + 30).toISOString(), '2026-03-10T00:30:00.000Z');
    assert.equal(toLocalIso(new Date('2026-03-10T00:30:00Z')), '2026-03-10T07:30:00+07:00');
    assert.deepEqual(monthBounds('2026-02'), { from: '2026-02-01', to: '2026-02-28' });
  });

  it('formats dates dd/MM/yyyy and times HH:mm in Vietnam time, midnight as 00:00', () => {
    assert.equal(formatDateVi('2026-03-09'), '09/03/2026');
    assert.equal(formatDateVi('2026-03-09T23:50:00Z'), '09/03/2026', 'the date part as written');
    assert.equal(formatTimeVi(new Date('2026-03-10T17:00:00Z')), '00:00');
    assert.equal(formatTimeVi(new Date('2026-03-10T00:05:00Z')), '07:05');
    assert.equal(formatTimestampVi(new Date('2026-12-31T17:30:00Z')), '01/01/2027 00:30');
  });
});
