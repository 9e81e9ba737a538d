import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompetenceRule, Leadership, World } from './model';
import { pickRule } from './pick-rule';
import { type Actor, isSuperior, verdict } from './verdict';

/** A commune: UBND (U) with an office (VP) and a division (PKT) with a desk (DESK) below it; the province (P) above. */
const UNITS: Record<string, { parent: string | null; name: string; type: string }> = {
  P: { parent: null, name: 'UBND tỉnh', type: 'UBND_TINH' },
  U: { parent: 'P', name: 'UBND xã', type: 'UBND_XA' },
  VP: { parent: 'U', name: 'Văn phòng', type: 'VAN_PHONG_HDND_UBND_XA' },
  PKT: { parent: 'U', name: 'Phòng Kinh tế', type: 'PHONG_KINH_TE' },
  DESK: { parent: 'PKT', name: 'Tổ một cửa', type: 'BO_PHAN_MOT_CUA' },
};
const rule = (r: Partial<CompetenceRule> & Pick<CompetenceRule, 'subjectPost' | 'decider'>): CompetenceRule => ({
  id: `${r.subjectPost}-${r.decider}-${r.validFrom ?? '2025-07-01'}`,
  matter: 'LEAVE_APPROVAL',
  subjectUnitTypes: null,
  subjectCategory: null,
  externalName: null,
  externalLevel: null,
  validFrom: '2025-07-01',
  validTo: null,
  legalBasis: 'Theo quy chế làm việc của cơ quan',
  note: null,
  ...r,
});
const RULES: CompetenceRule[] = [
  rule({ subjectPost: 'STAFF', decider: 'OWN_UNIT_LEADERS' }),
  rule({ subjectPost: 'DEPUTY', decider: 'PARENT_UNIT_LEADERS' }),
  rule({ subjectPost: 'HEAD', decider: 'PARENT_UNIT_LEADERS' }),
  rule({ subjectPost: 'DEPUTY', decider: 'OWN_UNIT_LEADERS', subjectUnitTypes: ['UBND_XA'] }),
  rule({ subjectPost: 'HEAD', decider: 'EXTERNAL', subjectUnitTypes: ['UBND_XA'], externalName: 'Chủ tịch UBND tỉnh', externalLevel: 'TINH' }),
];
const LEADERS: Leadership[] = [
  { personId: 'chairman', unitId: 'U', rank: 'HEAD' },
  { personId: 'vice', unitId: 'U', rank: 'DEPUTY' },
  { personId: 'office', unitId: 'VP', rank: 'HEAD' },
  { personId: 'econ', unitId: 'PKT', rank: 'HEAD' },
];
const world = (over: Partial<World> = {}): World => ({
  date: '2026-12-07',
  org: { parentOf: (id) => UNITS[id]?.parent ?? null, nameOf: (id) => UNITS[id]?.name ?? id, typeOf: (id) => UNITS[id]?.type ?? null },
  leaders: LEADERS,
  rules: RULES,
  delegations: [],
  ...over,
});
const HOME: Record<string, string> = { chairman: 'U', vice: 'U', office: 'VP', econ: 'PKT', clerk: 'PKT', deskclerk: 'DESK' };
const actor = (personId: string, extraUnits: string[] = []): Actor => ({ personId, units: [HOME[personId] as string, ...extraUnits], holdsPermissionOver: () => false });
const subject = (personId: string) => ({ personId, name: personId, category: 'CONG_CHUC', unitId: HOME[personId] as string });
const code = (w: World, a: Actor, s: string) => verdict(w, a, 'LEAVE_APPROVAL', subject(s)).code;

describe('competence verdicts (pure)', () => {
  it('staff → their unit head or a leader above; a desk without a head passes up', () => {
    assert.equal(code(world(), actor('econ'), 'clerk'), null);
    assert.equal(code(world(), actor('chairman'), 'clerk'), null);
    assert.equal(code(world(), actor('office', ['U']), 'clerk'), 'COMPETENCE_NOT_COMPETENT');
    assert.equal(verdict(world(), actor('econ'), 'LEAVE_APPROVAL', subject('deskclerk')).competentUnitName, 'Phòng Kinh tế');
  });

  it('a head → the parent unit; the head of the commune → the province (external)', () => {
    assert.equal(code(world(), actor('chairman'), 'econ'), null);
    assert.equal(code(world(), actor('econ'), 'econ'), 'COMPETENCE_OWN_CASE');
    const v = verdict(world(), actor('office', ['U']), 'LEAVE_APPROVAL', subject('chairman'));
    assert.deepEqual([v.code, v.external, v.competentUnitName], ['COMPETENCE_SUPERIOR_CASE', true, 'Chủ tịch UBND tỉnh']);
    assert.match(v.message_vi ?? '', /cấp tỉnh/);
  });

  it('superior: a leader of one of my units at my rank or above, or of a unit above mine', () => {
    const w = world();
    assert.equal(isSuperior(w, 'chairman', 'office', ['VP', 'U']), true);
    assert.equal(isSuperior(w, 'vice', 'chairman', ['U']), false, 'the head over his deputy');
    assert.equal(isSuperior(w, 'chairman', 'vice', ['U']), true);
    assert.equal(isSuperior(w, 'econ', 'office', ['VP']), false, 'a peer division head');
    // The deputy's leave goes to the chairman (own unit), not to the province.
    assert.equal(code(w, actor('chairman'), 'vice'), null);
  });

  it('a delegation lets the delegate act for the delegating leader, never on that leader', () => {
    const w = world({ delegations: [{ fromPersonId: 'chairman', toPersonId: 'office', matter: 'LEAVE_APPROVAL' }] });
    assert.equal(code(w, actor('office'), 'econ'), null);
    assert.equal(code(w, actor('office'), 'chairman'), 'COMPETENCE_SUPERIOR_CASE');
    assert.equal(code(world({ delegations: [{ fromPersonId: 'chairman', toPersonId: 'office', matter: 'VIOLATION_HANDLING' }] }), actor('office'), 'econ'), 'COMPETENCE_NOT_COMPETENT');
  });

  it('rules are dated and the most specific wins', () => {
    const later = rule({ subjectPost: 'STAFF', decider: 'PARENT_UNIT_LEADERS', validFrom: '2027-01-01' });
    const closed = RULES.map((r) => (r.subjectPost === 'STAFF' ? { ...r, validTo: '2027-01-01' } : r));
    const rules = [...closed, later];
    const s = { matter: 'LEAVE_APPROVAL' as const, post: 'STAFF' as const, unitType: 'PHONG_KINH_TE', category: null, date: '2026-12-31' };
    assert.equal(pickRule(rules, s)?.decider, 'OWN_UNIT_LEADERS');
    assert.equal(pickRule(rules, { ...s, date: '2027-01-01' })?.decider, 'PARENT_UNIT_LEADERS');
    assert.equal(pickRule(RULES, { ...s, post: 'HEAD', unitType: 'UBND_XA' })?.decider, 'EXTERNAL');
    assert.equal(pickRule(RULES, { ...s, date: '2025-06-30' }), null, 'nothing before the table begins');
    assert.equal(code(world({ rules }), actor('econ'), 'clerk'), null);
    assert.equal(code(world({ rules, date: '2027-01-02' }), actor('econ'), 'clerk'), 'COMPETENCE_NOT_COMPETENT');
  });
});
