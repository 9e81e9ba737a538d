import type { Db } from '../../platform/ports/db';

/** What became of a request (leave, trip, permission): for notices of modules that reacted to it while pending. */
export interface RequestOutcome {
  id: string;
  type: string;
  status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'CANCELLED';
  decidedAt: Date | null;
  decisionNote: string | null;
}

/** One request's status and decision note (the violations module words "your leave was rejected: …" with it). */
export async function requestOutcome(db: Db, id: string): Promise<RequestOutcome | undefined> {
  const rows = await db.query<{ id: string; type: string; status: RequestOutcome['status']; decided_at: Date | null; decision_note: string | null }>(
    'SELECT id, type, status, decided_at, decision_note FROM justifications WHERE id::text = $1',
    [id],
  );
  const r = rows[0];
  return r ? { id: r.id, type: r.type, status: r.status, decidedAt: r.decided_at, decisionNote: r.decision_note } : undefined;
}
