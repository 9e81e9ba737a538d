import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ATTENDANCE_STATUSES, SESSION_KINDS } from '../../modules/attendance/attendance.events';
import { TODAY_STATUSES } from '../../modules/attendance/domain/today-status';
import { JUSTIFICATION_TYPES } from '../../modules/attendance/domain/types';
import type { CalendarDayKind, CalendarDayStatus } from '../../modules/calendar/domain/schedule';
import { CATEGORIES, GENDERS, STATUSES } from '../../modules/people/people.types';
import {
  INSPECTION_KINDS,
  INSPECTION_STATES,
  MEMBER_ROLES,
  RECOMMENDATION_KINDS,
  REMEDIATION_STATES,
  VERDICTS,
} from '../../modules/inspections/domain/states';
import { ESCALATION_ACTIONS, VIOLATION_KINDS } from '../../modules/rules/domain/rule-config';
import type { RetractionReason } from '../../modules/violations/domain/derive';
import { CASE_STATES, DECISIONS } from '../../modules/violations/domain/states';
import { ROLES } from '../access';
import * as glossary from './index';
import type { Label } from './label';

/**
 * The glossary is the one place a domain term is written (audit D12, D13, D16): every value of the server's enums
 * has a Vietnamese and an English label there, the words follow one spelling convention, and neither the web nor
 * the server keeps a second, diverging copy.
 */

// Unions without a runtime list: the `satisfies` makes a new member a compile error here until it is listed.
const CALENDAR_DAY_KINDS = Object.keys({ HOLIDAY: 0, COMPENSATORY: 0, SWAPPED_OFF: 0, MAKEUP_WORKDAY: 0 } satisfies Record<CalendarDayKind, 0>);
const CALENDAR_DAY_STATUSES = Object.keys({ CONFIRMED: 0, PROPOSED: 0 } satisfies Record<CalendarDayStatus, 0>);
const RETRACTION_REASONS = Object.keys({
  JUSTIFIED: 0,
  ATTENDANCE_CORRECTED: 0,
  CALENDAR_CHANGED: 0,
  PERMISSION_APPROVED: 0,
} satisfies Record<RetractionReason, 0>);

const ENUMS: Array<[string, Readonly<Record<string, Label>>, readonly string[]]> = [
  ['violation kinds (rules)', glossary.VIOLATION_KIND_LABELS, VIOLATION_KINDS],
  ['violation kinds (contract C5)', glossary.VIOLATION_KIND_LABELS, ['AWAITING_JUSTIFICATION']],
  ['case states', glossary.CASE_STATE_LABELS, CASE_STATES],
  ['decisions', glossary.DECISION_LABELS, DECISIONS],
  ['retraction reasons', glossary.RETRACTION_REASON_LABELS, [...RETRACTION_REASONS, 'MANUAL']],
  ['escalation actions', glossary.ESCALATION_ACTION_LABELS, ESCALATION_ACTIONS],
  ['attendance statuses', glossary.ATTENDANCE_STATUS_LABELS, ATTENDANCE_STATUSES],
  ['attendance statuses (contract C3)', glossary.ATTENDANCE_STATUS_LABELS, ['AWAITING_JUSTIFICATION']],
  ['sessions', glossary.SESSION_LABELS, [...SESSION_KINDS, 'DAY']],
  ['justification types', glossary.JUSTIFICATION_TYPE_LABELS, JUSTIFICATION_TYPES],
  ['today statuses', glossary.TODAY_STATUS_LABELS, TODAY_STATUSES],
  [
    'justification types (contract C4)',
    glossary.JUSTIFICATION_TYPE_LABELS,
    ['LATE_ARRIVAL_PERMISSION', 'EARLY_LEAVE_PERMISSION', 'PUNCH_CORRECTION'],
  ],
  ['request statuses', glossary.REQUEST_STATUS_LABELS, ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED']],
  ['calendar day kinds', glossary.CALENDAR_DAY_KIND_LABELS, [...CALENDAR_DAY_KINDS, 'WEEKLY_REST']],
  ['calendar day statuses', glossary.CALENDAR_DAY_STATUS_LABELS, CALENDAR_DAY_STATUSES],
  ['staff categories', glossary.STAFF_CATEGORY_LABELS, CATEGORIES],
  ['staff statuses', glossary.STAFF_STATUS_LABELS, STATUSES],
  ['genders', glossary.GENDER_LABELS, GENDERS],
  ['roles', glossary.ROLE_LABELS, ROLES],
  ['inspection kinds', glossary.INSPECTION_KIND_LABELS, INSPECTION_KINDS],
  ['inspection states', glossary.INSPECTION_STATE_LABELS, INSPECTION_STATES],
  ['inspection item verdicts', glossary.INSPECTION_VERDICT_LABELS, VERDICTS],
  ['inspection team roles', glossary.INSPECTION_MEMBER_ROLE_LABELS, MEMBER_ROLES],
  ['inspection recommendations', glossary.INSPECTION_RECOMMENDATION_LABELS, RECOMMENDATION_KINDS],
  ['remediation states', glossary.REMEDIATION_STATE_LABELS, REMEDIATION_STATES],
];

const allLabelSets = Object.entries(glossary)
  .filter(([name, value]) => name.endsWith('_LABELS') && typeof value === 'object')
  .map(([name, value]) => [name, value as Readonly<Record<string, Label>>] as const);

/**
 * Old-style tone placement: the mark on the first vowel of a final "oa", "oe", "uy" (xoá, khoẻ, thuỷ). The rule is
 * "xóa", "khỏe", "thủy"; "hoàn", "ngoài", "quý", "huỳnh" are right (a letter follows, or "qu" is one consonant).
 */
const OLD_TONE = /(o[áàảãạ]|o[éèẻẽẹ]|(?<![qQ])u[ýỳỷỹỵ])(?![\p{L}])/iu;

const ROOT = path.resolve(import.meta.dirname, '../../..');
const GLOSSARY_DIR = path.join(ROOT, 'src/platform/glossary');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && full !== GLOSSARY_DIR) out.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && entry.name !== 'schema.gen.ts') out.push(full);
  }
  return out;
}

const SERVER_FILES = sourceFiles(path.join(ROOT, 'src'));
const WEB_FILES = sourceFiles(path.join(ROOT, 'web/src'));
const rel = (f: string) => path.relative(ROOT, f);

describe('glossary', () => {
  for (const [name, labels, values] of ENUMS) {
    it(`labels every value of the ${name} in Vietnamese and English`, () => {
      assert.ok(values.length > 0, name);
      for (const v of values) {
        const l = labels[v];
        assert.ok(l, `${name}: ${v} has no label`);
        assert.ok(l.vi.trim().length > 1 && l.en.trim().length > 1, `${name}: ${v} lacks a vi or en text`);
        assert.notEqual(l.vi, v, `${name}: ${v} is labelled with its code`);
      }
    });
  }

  it('writes absence, not reported and the staff statuses with one label each (D16)', () => {
    const g = glossary;
    assert.equal(g.VIOLATION_KIND_LABELS.ABSENT_NO_REASON.vi, 'Vắng mặt không có lý do chính đáng');
    assert.equal(g.ATTENDANCE_STATUS_LABELS.ABSENT_NO_REASON.vi, g.VIOLATION_KIND_LABELS.ABSENT_NO_REASON.vi);
    assert.equal(g.VIOLATION_KIND_LABELS.LEAVE_NOT_REPORTED.vi, 'Nghỉ không báo cáo');
    assert.equal(g.ATTENDANCE_STATUS_LABELS.LEAVE_NOT_REPORTED.vi, g.VIOLATION_KIND_LABELS.LEAVE_NOT_REPORTED.vi);
    assert.equal(g.ATTENDANCE_STATUS_LABELS.AWAITING_JUSTIFICATION.vi, g.VIOLATION_KIND_LABELS.AWAITING_JUSTIFICATION.vi);
    assert.equal(g.STAFF_STATUS_LABELS.WORKING.vi, 'Đang công tác');
    assert.equal(g.STAFF_STATUS_LABELS.ON_LEAVE.vi, 'Nghỉ dài hạn');
  });

  it('says only "Đã hủy" for a retracted case; the reason is its own label (D12)', () => {
    assert.equal(glossary.CASE_STATE_LABELS.RETRACTED.vi, 'Đã hủy');
    assert.doesNotMatch(glossary.RETRACTION_REASON_LABELS.ATTENDANCE_CORRECTED.vi, /lý do chính đáng/);
    assert.match(glossary.RETRACTION_REASON_LABELS.JUSTIFIED.vi, /lý do chính đáng/);
  });

  it('names the home-affairs role after the post that exists since 1/7/2025 (D13)', () => {
    assert.equal(glossary.ROLE_LABELS.home_affairs_head.vi, 'Lãnh đạo phụ trách nội vụ');
  });

  it('keeps one Vietnamese text per term inside each set', () => {
    for (const [name, labels] of allLabelSets) {
      if (name === 'SESSION_LABELS') continue; // DAY is the violation key's name for FULL: same words on purpose
      const seen = new Map<string, string>();
      for (const [code, l] of Object.entries(labels)) {
        assert.ok(!seen.has(l.vi), `${name}: ${code} and ${seen.get(l.vi)} share "${l.vi}"`);
        seen.set(l.vi, code);
      }
    }
  });

  it('uses the new-style tone placement in every label', () => {
    for (const [name, labels] of allLabelSets)
      for (const [code, l] of Object.entries(labels)) assert.doesNotMatch(l.vi, OLD_TONE, `${name}.${code}: "${l.vi}"`);
    assert.doesNotMatch('hoàn thành, ngoài giờ, quý, huỳnh, thủy, xóa, khỏe', OLD_TONE);
    assert.match('xoá', OLD_TONE);
    assert.match('thuỷ', OLD_TONE);
  });

  it('finds the old tone placement nowhere in the server or web sources', () => {
    const hits: string[] = [];
    for (const f of [...SERVER_FILES, ...WEB_FILES])
      fs.readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = OLD_TONE.exec(line);
          if (m) hits.push(`${rel(f)}:${i + 1}: …${line.slice(Math.max(0, m.index - 20), m.index + 10)}…`);
        });
    assert.deepEqual(hits, []);
  });

  it('leaves no former or second wording of a glossary term in the server or web sources', () => {
    const former: Array<[RegExp, string]> = [
      [/Vắng mặt không lý do/, 'absence: "Vắng mặt không có lý do chính đáng"'],
      [/Vắng không lý do/, 'absence: "Vắng mặt không có lý do chính đáng"'],
      [/Nghỉ không báo(?! cáo)/, 'not reported: "Nghỉ không báo cáo"'],
      [/Trưởng phòng Nội vụ/, 'role: "Lãnh đạo phụ trách nội vụ"'],
      [/Đã hủy \(có lý do chính đáng\)/, 'retracted: "Đã hủy" + the reason label'],
      [/['"]Tạm nghỉ['"]/, 'staff status: "Nghỉ dài hạn"'],
      [/Biên bản \(manifest\)/, 'manifest: "Bản kê (manifest)"'],
    ];
    // The staff import still reads spreadsheets filled with the former status words: an alias, not a label.
    const aliases = new Set(['src/modules/people/domain/staff-row.ts']);
    const hits: string[] = [];
    for (const f of [...SERVER_FILES, ...WEB_FILES]) {
      if (aliases.has(rel(f))) continue;
      const text = fs.readFileSync(f, 'utf8');
      for (const [re, use] of former) if (re.test(text)) hits.push(`${rel(f)}: ${re.source} → use ${use}`);
    }
    assert.deepEqual(hits, []);
  });

  it('has no copy of a glossary label as a string literal in the web sources', () => {
    const sets = [
      glossary.VIOLATION_KIND_LABELS,
      glossary.CASE_STATE_LABELS,
      glossary.DECISION_LABELS,
      glossary.RETRACTION_REASON_LABELS,
      glossary.ESCALATION_ACTION_LABELS,
      glossary.ATTENDANCE_STATUS_LABELS,
      glossary.JUSTIFICATION_TYPE_LABELS,
      glossary.CALENDAR_DAY_KIND_LABELS,
      glossary.CALENDAR_DAY_STATUS_LABELS,
      glossary.STAFF_STATUS_LABELS,
      glossary.STAFF_CATEGORY_LABELS,
    ];
    // Short words ("Đã hủy", "Về sớm") also name other things (an annulled punch, a column heading); a term of
    // several words written out in a page is a copy that will drift.
    const texts = new Set(sets.flatMap((s) => Object.values(s).map((l: Label) => l.vi)).filter((t) => t.length >= 10));
    const hits: string[] = [];
    for (const f of WEB_FILES) {
      const source = fs.readFileSync(f, 'utf8');
      for (const t of texts) if (source.includes(`'${t}'`) || source.includes(`"${t}"`) || source.includes(`>${t}<`)) hits.push(`${rel(f)}: "${t}"`);
    }
    assert.deepEqual(hits, []);
  });
});
