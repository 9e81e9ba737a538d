/**
 * The procedure of a discipline case (NĐ 172/2025 Điều 16; NĐ 112/2020 Điều 32 for viên chức; domain.md §4.6, §4.8):
 * opened from the proposal → review meeting invited → review meeting held (minutes) → council formed → council held
 * (secret ballot, recommendation) → decision by the competent person → delivered. Cán bộ and contract workers have no
 * council step. DROPPED ends a case without discipline (not a violation, or time-barred), with a reason.
 * Suspension ("chưa xem xét xử lý") is not a state: it is a period during which every step is refused.
 */
export const DISCIPLINE_STATES = ['OPEN', 'REVIEW_INVITED', 'REVIEWED', 'COUNCIL_FORMED', 'COUNCIL_HELD', 'DECIDED', 'DELIVERED', 'DROPPED'] as const;
export type DisciplineState = (typeof DISCIPLINE_STATES)[number];

export const DISCIPLINE_ACTIONS = ['open', 'invite_review', 'hold_review', 'form_council', 'hold_council', 'decide', 'deliver', 'drop'] as const;
export type DisciplineAction = (typeof DISCIPLINE_ACTIONS)[number];

const ACTIVE: readonly DisciplineState[] = ['OPEN', 'REVIEW_INVITED', 'REVIEWED', 'COUNCIL_FORMED', 'COUNCIL_HELD'];

/** action → (from states → to state); `councilRequired` decides where the decision may come from. */
export function nextState(state: DisciplineState, action: DisciplineAction, councilRequired: boolean): DisciplineState | undefined {
  const t: Record<DisciplineAction, { from: readonly DisciplineState[]; to: DisciplineState }> = {
    open: { from: [], to: 'OPEN' },
    // A new invitation while invited: the person did not come (the meeting may go on after a second absence).
    invite_review: { from: ['OPEN', 'REVIEW_INVITED'], to: 'REVIEW_INVITED' },
    hold_review: { from: ['REVIEW_INVITED'], to: 'REVIEWED' },
    form_council: { from: councilRequired ? ['REVIEWED'] : [], to: 'COUNCIL_FORMED' },
    hold_council: { from: ['COUNCIL_FORMED'], to: 'COUNCIL_HELD' },
    decide: { from: councilRequired ? ['COUNCIL_HELD'] : ['REVIEWED'], to: 'DECIDED' },
    deliver: { from: ['DECIDED'], to: 'DELIVERED' },
    drop: { from: ACTIVE, to: 'DROPPED' },
  };
  return t[action].from.includes(state) ? t[action].to : undefined;
}

export function allowedActions(state: DisciplineState, councilRequired: boolean): DisciplineAction[] {
  return DISCIPLINE_ACTIONS.filter((a) => nextState(state, a, councilRequired) !== undefined);
}

export function isActive(state: DisciplineState): boolean {
  return ACTIVE.includes(state);
}

export const DISCIPLINE_STATE_LABELS: Record<DisciplineState, { vi: string; en: string }> = {
  OPEN: { vi: 'Đã lập hồ sơ', en: 'Case opened' },
  REVIEW_INVITED: { vi: 'Đã mời họp kiểm điểm', en: 'Review meeting called' },
  REVIEWED: { vi: 'Đã họp kiểm điểm', en: 'Review meeting held' },
  COUNCIL_FORMED: { vi: 'Đã thành lập Hội đồng kỷ luật', en: 'Disciplinary council formed' },
  COUNCIL_HELD: { vi: 'Hội đồng kỷ luật đã họp', en: 'Disciplinary council held' },
  DECIDED: { vi: 'Đã có quyết định kỷ luật', en: 'Decision taken' },
  DELIVERED: { vi: 'Đã giao quyết định', en: 'Decision delivered' },
  DROPPED: { vi: 'Không xử lý kỷ luật', en: 'Closed without discipline' },
};

export const DISCIPLINE_ACTION_LABELS: Record<DisciplineAction | 'extend' | 'suspend' | 'lift_suspension' | 'upload', { vi: string; en: string }> = {
  open: { vi: 'Lập hồ sơ xử lý kỷ luật', en: 'Case opened' },
  invite_review: { vi: 'Gửi giấy mời họp kiểm điểm', en: 'Review meeting invitation sent' },
  hold_review: { vi: 'Họp kiểm điểm (biên bản)', en: 'Review meeting held (minutes)' },
  form_council: { vi: 'Thành lập Hội đồng kỷ luật', en: 'Disciplinary council formed' },
  hold_council: { vi: 'Họp Hội đồng kỷ luật (bỏ phiếu kín)', en: 'Council meeting (secret ballot)' },
  decide: { vi: 'Quyết định kỷ luật', en: 'Disciplinary decision' },
  deliver: { vi: 'Giao quyết định cho người bị kỷ luật', en: 'Decision delivered' },
  drop: { vi: 'Không xử lý kỷ luật', en: 'Closed without discipline' },
  extend: { vi: 'Kéo dài thời hạn xử lý (150 ngày)', en: 'Processing period extended (150 days)' },
  suspend: { vi: 'Chưa xem xét xử lý kỷ luật', en: 'Consideration suspended' },
  lift_suspension: { vi: 'Hết trường hợp chưa xem xét xử lý', en: 'Suspension ended' },
  upload: { vi: 'Thêm tài liệu', en: 'Document added' },
};
