import type { Matter } from '../competence.types';
import type { CompetentLevel } from './level';
import type { ExternalLevel, OrgView } from './model';

export const MATTER_LABELS: Record<Matter, { vi: string; en: string }> = {
  LEAVE_APPROVAL: { vi: 'duyệt đơn nghỉ', en: 'approving leave' },
  ATTENDANCE_CORRECTION: { vi: 'duyệt điều chỉnh chấm công', en: 'approving attendance corrections' },
  VIOLATION_HANDLING: { vi: 'xử lý vi phạm', en: 'handling violations' },
  DISCIPLINE_DECISION: { vi: 'quyết định kỷ luật', en: 'disciplinary decisions' },
};

const LEVEL_LABELS: Record<ExternalLevel, { vi: string; en: string }> = {
  TRUNG_UONG: { vi: 'cấp trung ương', en: 'the central level' },
  TINH: { vi: 'cấp tỉnh', en: 'the provincial level' },
  XA: { vi: 'cấp xã', en: 'the commune level' },
  KHAC: { vi: 'cấp trên', en: 'the superior authority' },
};

/** "thuộc thẩm quyền …" completed with who decides. */
export function whoDecides(level: CompetentLevel, org: OrgView): { vi: string; en: string } {
  if (level.kind === 'UNIT') {
    const name = org.nameOf(level.unitId);
    return { vi: `của lãnh đạo ${name}`, en: `to the leaders of ${name}` };
  }
  const l = LEVEL_LABELS[level.level];
  return {
    vi: `${l.vi} (${level.name}), ngoài hệ thống của cơ quan`,
    en: `to ${l.en} (${level.name}), outside this agency's system`,
  };
}

export function ownCaseMessage(matter: Matter, who: { vi: string; en: string }) {
  const m = MATTER_LABELS[matter];
  return {
    vi: `Không được tự quyết định việc của chính mình (${m.vi}). Việc này thuộc thẩm quyền ${who.vi}.`,
    en: `You cannot decide your own matter (${m.en}); it belongs ${who.en}.`,
  };
}

export function superiorCaseMessage(matter: Matter, subjectName: string, who: { vi: string; en: string }) {
  const m = MATTER_LABELS[matter];
  return {
    vi: `Không được quyết định việc của lãnh đạo cấp trên (${subjectName} — ${m.vi}). Việc này thuộc thẩm quyền ${who.vi}.`,
    en: `You cannot decide a superior's matter (${subjectName} — ${m.en}); it belongs ${who.en}.`,
  };
}

export function notCompetentMessage(matter: Matter, subjectName: string, who: { vi: string; en: string }) {
  const m = MATTER_LABELS[matter];
  return {
    vi: `Bạn không có thẩm quyền ${m.vi} đối với ${subjectName}: việc này thuộc thẩm quyền ${who.vi}.`,
    en: `You are not competent for ${m.en} concerning ${subjectName}: it belongs ${who.en}.`,
  };
}

export function noRuleMessage(matter: Matter, subjectName: string, dateVi: string) {
  const m = MATTER_LABELS[matter];
  return {
    vi: `Chưa có quy tắc thẩm quyền nào áp dụng cho việc ${m.vi} đối với ${subjectName} vào ngày ${dateVi}.`,
    en: `No competence rule covers ${m.en} concerning ${subjectName} on ${dateVi}.`,
  };
}
