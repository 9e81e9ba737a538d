import { pickLabel, RETRACTION_REASON_LABELS, SESSION_LABELS as SESSIONS, VIOLATION_KIND_LABELS } from '../../../platform/glossary';
import type { ViolationKind } from '../../rules';

/** The violation kinds' words come from the glossary (one term in server and web, audit D16). */
export const KIND_LABELS: Record<ViolationKind, { vi: string; en: string }> = VIOLATION_KIND_LABELS;

/** Session words inside Vietnamese sentences ("buổi sáng"), from the glossary. */
export const SESSION_LABELS: Record<string, string> = Object.fromEntries(Object.entries(SESSIONS).map(([k, l]) => [k, l.vi]));

/** Why a violation was retracted, as a sentence part of the notice ("Lý do: …."); the code itself when unknown. */
export function retractionReasonVi(reason: string): string {
  return pickLabel(RETRACTION_REASON_LABELS, reason, 'vi');
}
