/**
 * Inputs of the two inspection documents (biên bản kiểm tra công vụ, thông báo kết luận kiểm tra). The builders are
 * pure: everything printed comes in here already resolved (names, titles, unit names as of the inspection date), so
 * the same input always gives the same bytes (issue 16 regenerates and compares file hashes).
 *
 * Conventions: local dates are 'YYYY-MM-DD' (Asia/Ho_Chi_Minh); instants are ISO 8601 strings or Date and are printed
 * in Vietnam time ("08 giờ 30 phút, ngày 05/02/2026"). Nothing here chooses a disciplinary form: a PROPOSE_DISCIPLINE
 * recommendation only proposes that the competent authority consider it (domain.md §4, §7).
 */

/** The issuing body of the document (printed top left, NĐ 30/2020). */
export interface DocIssuer {
  /** Superior body printed above the issuer in regular type, e.g. "UBND tỉnh Nghệ An"; null when none. */
  superiorBody: string | null;
  /** e.g. "Sở Nội vụ" or "Đoàn kiểm tra công vụ" (printed uppercase, bold). */
  name: string;
  /** Place on the place-date line, e.g. "Thông Thụ" (commune or province name after 7/2025). */
  place: string;
}

export type TeamRole = 'HEAD' | 'MEMBER' | 'SECRETARY';

export interface TeamMemberLine {
  role: TeamRole;
  name: string;
  /** Post and body, e.g. "Phó Giám đốc Sở Nội vụ". */
  title: string;
}

export type Verdict = 'PASS' | 'FAIL' | 'NA';

export interface ItemResultLine {
  /** 1-based order in the checklist version. */
  ord: number;
  code: string;
  /** Vietnamese title of the item. */
  title: string;
  legalBasis: string | null;
  /** Every item is judged before the minutes are issued (contract), hence non-null. */
  verdict: Verdict;
  note: string | null;
}

export interface FindingLine {
  /** Code of the checklist item the finding belongs to (matches ItemResultLine.code). */
  itemCode: string;
  description: string;
  /** The person concerned, resolved by the caller; null for a finding about the unit. */
  person: { name: string; title: string | null } | null;
  observedAt: string | Date | null;
}

export type InspectionKindCode = 'PLANNED' | 'SURPRISE' | 'INTER_AGENCY' | 'ON_COMPLAINT';

/** The decision forming the team (the "căn cứ" of both documents). */
export interface FormingDecision {
  /** e.g. "12/QĐ-SNV"; null when the inspection was not formed by a numbered decision. */
  number: string | null;
  /** 'YYYY-MM-DD' */
  date: string | null;
  /** Who issued it, e.g. "Giám đốc Sở Nội vụ". */
  signer: string | null;
}

export interface SignerLine {
  /** "TM. ĐOÀN KIỂM TRA", "KT. GIÁM ĐỐC"…; null when the signer signs in their own right. */
  authorityLine: string | null;
  /** e.g. "Trưởng đoàn", "Phó Giám đốc". */
  title: string;
  name: string;
}

/** What both documents share: the issuer and number, the inspection, its results and findings. */
export interface InspectionDocumentBase {
  issuer: DocIssuer;
  /** From allocateNumber, e.g. "03/BB-ĐKT" or "05/TB-SNV"; null prints a blank number to be filled on issue. */
  number: string | null;
  /** Symbol after the slash, e.g. "BB-ĐKT" (used when number is null). */
  numberSymbol: string;
  /** Date of the document, 'YYYY-MM-DD' (also the fixed timestamp of the file). */
  date: string;
  kind: InspectionKindCode;
  /** Title / scope of the inspection, e.g. "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính". */
  title: string;
  decision: FormingDecision;
  /** When the work on site started and ended (instants). */
  startedAt: string | Date;
  endedAt: string | Date;
  targetUnit: { name: string };
  items: ItemResultLine[];
  findings: FindingLine[];
}

export interface MinutesInput extends InspectionDocumentBase {
  scope: string | null;
  place: string;
  team: TeamMemberLine[];
  representative: { name: string; title: string };
  representativeOpinion: string | null;
  /** Disagreement noted by the unit (or a team member); null when none. */
  disagreement: string | null;
  closingNote: string | null;
  /** Number of originals; default 02 ("Biên bản được lập thành 02 bản…"). */
  copies?: number;
}

export type RecommendationKindCode = 'REMIND' | 'CRITICIZE' | 'SELF_REVIEW' | 'PROPOSE_DISCIPLINE' | 'FIX';

export interface RecommendationLine {
  kind: RecommendationKindCode;
  text: string;
  /** The person the recommendation is about; null for the unit. */
  person: { name: string; title: string | null } | null;
}

export interface RemediationLine {
  description: string;
  ownerUnitName: string;
  responsiblePersonName: string | null;
  /** 'YYYY-MM-DD', printed dd/MM/yyyy. */
  dueOn: string;
}

export interface ConclusionInput extends InspectionDocumentBase {
  /** The minutes this conclusion follows (căn cứ). */
  minutes: { number: string | null; date: string };
  /** Free-text overall assessment (kết quả); may be empty, the item table is printed anyway. */
  summary: string | null;
  /** Tồn tại, hạn chế; when empty the failed items are listed instead. */
  shortcomings: string[];
  recommendations: RecommendationLine[];
  remediations: RemediationLine[];
  /** Deadline of the unit's remediation report (báo cáo khắc phục), 'YYYY-MM-DD'; null when not set. */
  reportDueOn: string | null;
  signer: SignerLine;
  /** Nơi nhận lines without the leading dash; the last should be "Lưu: VT, …". */
  recipients: string[];
}
