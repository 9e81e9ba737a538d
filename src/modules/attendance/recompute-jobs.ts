import { randomUUID } from 'node:crypto';
import { errors } from '../../platform/errors';
import type { Db } from '../../platform/ports/db';
import { type AuditActor, recordAudit } from '../audit';
import { daysBetween } from '../../platform/time';
import { yieldToEventLoop } from '../../platform/jobs/yield';
import { RecomputeAborted, SLICE_PERSON_DAYS } from './recompute-slices';
import { type AttendanceDeps, recomputeRange } from './recompute.service';

/**
 * Recomputations as bounded background jobs (issue 11, F4). A request freezes its persons and range into a job row;
 * one runner per database works through the jobs one at a time, a few persons per step (at most SLICE_PERSON_DAYS
 * person-days, one write transaction), yielding to the event loop between steps, and saves its cursor after each
 * step. Stopping the server aborts at the next step; the job stays RUNNING and resumes from its cursor on the next
 * start. Recomputing a day is idempotent, so a step repeated after a crash changes nothing.
 */

/** Longest range one request may recompute (days, inclusive). Longer ranges are asked in several requests. */
export const MAX_RECOMPUTE_DAYS = 62;
/** Most person-days in one job: 62 days for about 3,200 staff. */
export const MAX_JOB_PERSON_DAYS = 200_000;

export interface RecomputeJob {
  id: string;
  unitId: string;
  from: string;
  to: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  /** Person-days asked for, and done so far (progress = done / total). */
  total: number;
  done: number;
  changed: number;
  skippedBeforeGoLive: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

interface JobRow {
  id: string;
  unit_id: string;
  requested_by: string | null;
  from_date: string;
  to_date: string;
  person_ids: string[];
  next_person: number;
  total_person_days: number;
  done_person_days: number;
  changed: number;
  skipped_before_go_live: number;
  status: RecomputeJob['status'];
  error: string | null;
  created_at: Date;
  finished_at: Date | null;
}

const dto = (r: JobRow): RecomputeJob => ({
  id: r.id,
  unitId: r.unit_id,
  from: r.from_date,
  to: r.to_date,
  status: r.status,
  total: r.total_person_days,
  done: r.done_person_days,
  changed: r.changed,
  skippedBeforeGoLive: r.skipped_before_go_live,
  error: r.error,
  createdAt: r.created_at,
  finishedAt: r.finished_at,
});

export async function getRecomputeJob(db: Db, id: string): Promise<RecomputeJob | null> {
  const [row] = await db.query<JobRow>('SELECT * FROM attendance_recompute_jobs WHERE id = $1', [id]);
  return row ? dto(row) : null;
}

export function assertRecomputeRange(from: string, to: string): void {
  if (to < from || daysBetween(from, to) + 1 > MAX_RECOMPUTE_DAYS)
    throw errors.badRequest(
      'RANGE_INVALID',
      `Khoảng ngày không hợp lệ (tối đa ${MAX_RECOMPUTE_DAYS} ngày). Hãy chia thành nhiều lần tính lại.`,
      `Invalid range (at most ${MAX_RECOMPUTE_DAYS} days). Split it into several recomputations.`,
    );
}

export class RecomputeJobRunner {
  private controller = new AbortController();
  private loop: Promise<void> | null = null;
  private readonly waiters = new Map<string, Array<() => void>>();

  constructor(
    private readonly deps: AttendanceDeps,
    private readonly onError: (e: unknown) => void,
  ) {}

  /**
   * Queues a recomputation of [from, to] for `personIds` (audited) and starts the runner. One active job per unit:
   * a second request while one runs is refused with the running job's id (the cap per request is the range bound).
   */
  async submit(input: { unitId: string; from: string; to: string; personIds: readonly string[]; actor: AuditActor }): Promise<RecomputeJob> {
    assertRecomputeRange(input.from, input.to);
    const total = input.personIds.length * (daysBetween(input.from, input.to) + 1);
    if (total > MAX_JOB_PERSON_DAYS)
      throw errors.badRequest(
        'RECOMPUTE_TOO_LARGE',
        `Khối lượng tính lại quá lớn (${total} ngày công, tối đa ${MAX_JOB_PERSON_DAYS}). Hãy chọn đơn vị nhỏ hơn hoặc khoảng ngày ngắn hơn.`,
        `The recomputation is too large (${total} person-days, at most ${MAX_JOB_PERSON_DAYS}). Pick a smaller unit or a shorter range.`,
      );
    const id = randomUUID();
    await this.deps.db.transaction(async (tx) => {
      const [busy] = await tx.query<{ id: string }>(
        `SELECT id FROM attendance_recompute_jobs WHERE unit_id = $1 AND status IN ('QUEUED', 'RUNNING') LIMIT 1`,
        [input.unitId],
      );
      if (busy)
        throw errors.conflict(
          'RECOMPUTE_BUSY',
          'Đơn vị đang có một lần tính lại chưa xong; hãy đợi lần đó kết thúc.',
          'A recomputation of this unit is still running; wait for it to finish.',
          { jobId: busy.id },
        );
      await tx.query(
        `INSERT INTO attendance_recompute_jobs (id, unit_id, requested_by, from_date, to_date, person_ids, total_person_days, status)
         VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7, 'QUEUED')`,
        [id, input.unitId, input.actor.id ?? null, input.from, input.to, input.personIds, total],
      );
      await recordAudit(tx, {
        actor: input.actor,
        action: 'attendance.recompute',
        entityType: 'org_unit',
        entityId: input.unitId,
        unitId: input.unitId,
        details: { jobId: id, from: input.from, to: input.to, persons: input.personIds.length, personDays: total },
      });
    });
    this.kick();
    return (await getRecomputeJob(this.deps.db, id)) as RecomputeJob;
  }

  /** Resolves when the job ends (DONE or FAILED) or after `ms`, whichever comes first. */
  async waitFor(jobId: string, ms: number): Promise<RecomputeJob | null> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const list = this.waiters.get(jobId) ?? [];
      function done() {
        clearTimeout(timer);
        resolve();
      }
      list.push(done);
      this.waiters.set(jobId, list);
      // It may have ended before we started listening.
      void getRecomputeJob(this.deps.db, jobId).then((j) => {
        if (!j || j.status === 'DONE' || j.status === 'FAILED') done();
      }, done);
    });
    return getRecomputeJob(this.deps.db, jobId);
  }

  /** Starts working through queued and interrupted jobs, unless already at it. */
  kick(): void {
    if (this.loop || this.controller.signal.aborted) return;
    this.loop = this.drain()
      .catch((e) => this.onError(e))
      .finally(() => {
        this.loop = null;
      });
  }

  /** Stops at the next step boundary and waits for it; unfinished jobs resume on the next start. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.loop;
  }

  private async drain(): Promise<void> {
    const { db } = this.deps;
    const signal = this.controller.signal;
    for (;;) {
      if (signal.aborted) return;
      const [job] = await db.query<JobRow>(
        `SELECT * FROM attendance_recompute_jobs WHERE status IN ('QUEUED', 'RUNNING') ORDER BY created_at, id LIMIT 1`,
      );
      if (!job) return;
      try {
        await this.runJob(job, signal);
      } catch (e) {
        if (e instanceof RecomputeAborted || signal.aborted) return;
        const message = e instanceof Error ? e.message : String(e);
        await db.query(`UPDATE attendance_recompute_jobs SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [job.id, message.slice(0, 500)]);
        this.onError(e);
      }
      this.notify(job.id);
    }
  }

  private async runJob(job: JobRow, signal: AbortSignal): Promise<void> {
    const { db } = this.deps;
    await db.query(`UPDATE attendance_recompute_jobs SET status = 'RUNNING', started_at = COALESCE(started_at, now()) WHERE id = $1`, [job.id]);
    const days = daysBetween(job.from_date, job.to_date) + 1;
    const personsPerStep = Math.max(1, Math.floor(SLICE_PERSON_DAYS / days));
    for (let next = job.next_person; next < job.person_ids.length; ) {
      if (signal.aborted) throw new RecomputeAborted();
      const group = job.person_ids.slice(next, next + personsPerStep);
      const s = await recomputeRange(this.deps, { from: job.from_date, to: job.to_date, personIds: group }, { signal });
      next += group.length;
      await db.query(
        `UPDATE attendance_recompute_jobs SET next_person = $2, done_person_days = LEAST(total_person_days, done_person_days + $3),
                changed = changed + $4, skipped_before_go_live = skipped_before_go_live + $5 WHERE id = $1`,
        [job.id, next, group.length * days, s.changed, s.skippedBeforeGoLive ?? 0],
      );
      await yieldToEventLoop();
    }
    await db.transaction(async (tx) => {
      const [done] = await tx.query<JobRow>(
        `UPDATE attendance_recompute_jobs SET status = 'DONE', done_person_days = total_person_days, finished_at = now() WHERE id = $1 RETURNING *`,
        [job.id],
      );
      await recordAudit(tx, {
        actor: { id: null, name: 'system:recompute' },
        action: 'attendance.recompute_done',
        entityType: 'org_unit',
        entityId: job.unit_id,
        unitId: job.unit_id,
        details: { jobId: job.id, from: job.from_date, to: job.to_date, personDays: done?.total_person_days, changed: done?.changed, skippedBeforeGoLive: done?.skipped_before_go_live },
      });
    });
  }

  private notify(jobId: string): void {
    for (const w of this.waiters.get(jobId) ?? []) w();
    this.waiters.delete(jobId);
  }
}

/** One runner per database (a test process may run several servers); created by the routes or the ticker. */
const runners = new WeakMap<Db, RecomputeJobRunner>();

export function recomputeJobRunner(deps: AttendanceDeps, onError: (e: unknown) => void): RecomputeJobRunner {
  let r = runners.get(deps.db);
  if (!r) {
    r = new RecomputeJobRunner(deps, onError);
    runners.set(deps.db, r);
  }
  return r;
}

/** Stops the database's runner (server stop) and forgets it, so a restarted server gets a fresh one. */
export async function stopRecomputeJobs(db: Db): Promise<void> {
  const r = runners.get(db);
  runners.delete(db);
  await r?.stop();
}
