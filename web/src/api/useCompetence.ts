import { useEffect, useState } from 'react';
import { request } from './client';

/** The matters of the competence table (server: src/modules/competence, CONTRACT C2). */
export type CompetenceMatter = 'LEAVE_APPROVAL' | 'ATTENDANCE_CORRECTION' | 'VIOLATION_HANDLING' | 'DISCIPLINE_DECISION';

/** GET /api/competence/check. Written here until the generated types include it (schema.gen.ts is regenerated at integration). */
export interface CompetenceVerdict {
  allowed: boolean;
  code: null | 'COMPETENCE_OWN_CASE' | 'COMPETENCE_SUPERIOR_CASE' | 'COMPETENCE_NOT_COMPETENT';
  message_vi: string | null;
  message_en: string | null;
  competentUnitId: string | null;
  competentUnitName: string | null;
  external: boolean;
  legalBasis: string | null;
}

/**
 * May the signed-in user act on this person's matter today? Pages hide or disable an action while `allowed` is not
 * true, and show the verdict's message, so the UI never offers what the API would refuse. `subjectPersonId = null`
 * means "not known yet". A failed check counts as not allowed (the API still decides).
 */
export function useCompetence(matter: CompetenceMatter, subjectPersonId: string | null | undefined): { verdict: CompetenceVerdict | undefined; allowed: boolean; loading: boolean } {
  const [verdict, setVerdict] = useState<CompetenceVerdict | undefined>(undefined);
  const [loading, setLoading] = useState(!!subjectPersonId);
  useEffect(() => {
    if (!subjectPersonId) return;
    const controller = new AbortController();
    setLoading(true);
    request<CompetenceVerdict>('GET', '/api/competence/check', { query: { matter, subjectPersonId }, quiet: true, signal: controller.signal })
      .then(setVerdict)
      .catch(() => {
        if (!controller.signal.aborted) setVerdict(undefined);
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [matter, subjectPersonId]);
  return { verdict, allowed: verdict?.allowed === true, loading };
}
