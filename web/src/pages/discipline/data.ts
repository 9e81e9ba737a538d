import { useCallback, useEffect, useState } from 'react';
import { request } from '../../api/client';

/**
 * Local types of the discipline API until the lead regenerates schema.gen.ts at integration (the server's
 * DisciplineCaseDetail, DisciplineCaseSummary, DisciplineProposedViolation, DisciplineRecord schemas).
 */
export type Label = { vi: string; en: string };
export interface Consequence { code: string; vi: string; en: string; from: string; until: string | null; months: number | null; year: number | null; legalBasis: string; confidence: string }
export interface Decision {
  number: string; issuerName: string; signedOn: string; effectiveOn: string; formCode: string; formLabel: string; reasons: string; signerName: string;
  signerTitle: string; authorityLine: string | null; deliveredOn: string | null; complaintUntil: string | null; complaintNote: string; consequences: Consequence[];
}
export interface Suspension { id: string; source: 'LEAVE' | 'MANUAL'; kind: string; from: string; to: string | null; documentRef: string | null; note: string | null; reason: Label; legalBasis: string; caveat: string | null }
export interface CaseDetail {
  id: string; state: string; stateLabel: Label; councilRequired: boolean; categoryLabel: Label; regime: { code: string; nameVi: string; nameEn: string; legalBasis: string; note: Label };
  detectedOn: string; extended: boolean; note: string | null;
  person: { id: string; fullName: string; employeeCode: string; unitName: string; positionTitle: string | null; isLeader: boolean };
  violations: Array<{ id: string; kind: string; kindLabel: Label; occurredOn: string; proposedOn: string }>;
  steps: Array<{ seq: number; action: string; label: Label; toState: string; onDate: string; actorName: string; at: string; details: Record<string, unknown> }>;
  meetings: Array<{ id: string; kind: 'REVIEW' | 'COUNCIL'; meetingOn: string; meetingTime: string; place: string; heldOn: string | null; invitationDeliveredOn: string; ballot: Array<{ formCode: string; votes: number }> | null; recommendation: string | null }>;
  council: Array<{ seq: number; name: string; role: string; title: string | null }>;
  decision: Decision | null;
  suspensions: Suspension[];
  suspendedNow: Suspension | null;
  documents: Array<{ id: string; kind: string; fileName: string; sizeBytes: number; sha256: string; generated: boolean; createdAt: string }>;
  deadlines: {
    limitation: Array<{ violationId: string; occurredOn: string; reprimandUntil: string; heavierUntil: string; note: string | null }>;
    processing: { days: number; dueOn: string | null; suspendedDays: number; extended: boolean; paused: boolean } | null;
    warnings: Array<{ kind: string; dueOn: string; daysLeft: number; vi: string; en: string }>;
  };
  allowedForms: Array<{ code: string; vi: string; en: string }>;
  allowedActions: string[];
  competence: { allowed: boolean; code: string | null; message_vi: string | null; message_en: string | null; competentUnitName: string | null };
}
export interface CaseSummary { id: string; personId: string; personName: string; unitName: string; state: string; stateLabel: Label; detectedOn: string; violations: number; decisionNumber: string | null; formLabel: string | null; effectiveOn: string | null }
export interface Proposal { id: string; personId: string; personName: string; kindLabel: Label; title: string; occurredOn: string; proposedOn: string }
export interface DisciplineRecord { personId: string; underConsideration: Array<{ caseId: string; stateLabel: Label; detectedOn: string }>; decisions: Array<Decision & { caseId: string; inForce: boolean }> }

/** GET with reload, for the discipline URLs the generated contract does not know yet. */
export function useLoad<T>(path: string | null): { data: T | undefined; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload.
  useEffect(() => {
    if (!path) return;
    let live = true;
    setLoading(true);
    request<T>('GET', path)
      .then((v) => live && setData(v))
      .catch(() => undefined)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { data, loading, reload: useCallback(() => setTick((n) => n + 1), []) };
}

export const post = (path: string, body: unknown) => request<unknown>('POST', path, { body });
