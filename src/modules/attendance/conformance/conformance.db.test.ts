import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDb } from '../../../../test/helpers/db';
import type { AttendanceStatus, SessionKind } from '../domain/types';
import { runOnDb, setupWorld } from './db-runner';
import { assertMatches } from './expectations';
import { UNITS } from './fixture';
import { SCENARIOS } from './scenarios';

forEachDb('attendance conformance through the services', (getDb) => {
  before(async () => setupWorld(await getDb()));
  for (const s of SCENARIOS) {
    it(`${s.id}: ${s.title}`, async () => {
      const out = await runOnDb(await getDb(), s);
      const sessions = out.sessions.map((x) => ({
        session: x.session as SessionKind,
        status: x.status as AttendanceStatus,
        checkIn: x.checkIn ? Date.parse(x.checkIn) : null,
        checkOut: x.checkOut ? Date.parse(x.checkOut) : null,
        lateMinutes: x.lateMinutes,
        earlyLeaveMinutes: x.earlyLeaveMinutes,
        absenceRequestId: x.absenceRequestId,
        arrivalPermission: x.arrivalPermission,
        departurePermission: x.departurePermission,
      }));
      assertMatches(s, out.dayStatus as AttendanceStatus, sessions, 'db');
      if (s.expect.unit) assert.equal(out.unitId, UNITS[s.expect.unit], `${s.id}: unit of record`);
      // Every stored day says which regulation applied: the scenario's own (leaf unit) when it sets rules, else the
      // built-in default (this world has no installation-wide entry).
      assert.deepEqual(
        out.regulation,
        s.rules ? { source: 'UNIT', unitId: out.leafUnitId, legalBasis: 'Quy chế thử nghiệm' } : { source: 'SYSTEM_DEFAULT', unitId: null, legalBasis: null },
        `${s.id}: regulation`,
      );
      const late = s.punches.some((p) => typeof p !== 'string' && p.late);
      if (late) assert.ok(out.revision >= 2, `${s.id}: a late punch must produce a new revision`);
    });
  }
});
