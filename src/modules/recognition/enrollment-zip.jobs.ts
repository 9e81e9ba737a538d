import type { AppContext } from '../../platform/module';
import { failInterruptedImports, runZipImport, type ZipImportJob } from './enrollment-zip.service';
import { recognitionRuntime } from './runtime';

/**
 * Zip imports of one server run one after another: face analysis shares the engine's worker threads with the gate
 * cameras, and two large imports at once would only double the wait for live recognition.
 */
interface Queue {
  tail: Promise<void>;
  stopping: boolean;
  /** Jobs accepted and not finished: each holds its zip in memory, so only a few may wait. */
  pending: number;
}

/** Most jobs waiting or running at once (each may hold up to KC_FACE_IMPORT_MAX_MB of zip in memory). */
export const MAX_PENDING_IMPORTS = 3;
const queues = new WeakMap<AppContext, Queue>();

function queueOf(ctx: AppContext): Queue {
  let q = queues.get(ctx);
  if (!q) {
    q = { tail: Promise.resolve(), stopping: false, pending: 0 };
    queues.set(ctx, q);
  }
  return q;
}

/** True when another zip may be accepted now (checked before the upload is parsed into a job). */
export function canAcceptZipImport(ctx: AppContext): boolean {
  return queueOf(ctx).pending < MAX_PENDING_IMPORTS;
}

export function enqueueZipImport(ctx: AppContext, job: ZipImportJob): void {
  const q = queueOf(ctx);
  const runtime = recognitionRuntime(ctx);
  q.pending++;
  q.tail = q.tail.then(() =>
    runZipImport(
      {
        db: ctx.db,
        // Accepted photos are kept, as for a single upload: a new face engine re-makes these people's templates from them.
        blobs: ctx.blobs,
        engine: () => runtime.engine(),
        now: ctx.now,
        onEnrolled: () => runtime.invalidateGalleries(),
        stopping: () => q.stopping,
        onPersonError: (err, personId) => ctx.log.error({ err, importId: job.id, personId }, 'zip enrollment of one person failed'),
      },
      job,
    ).finally(() => {
      q.pending--;
    }),
  );
}

/** At start: jobs a previous run left unfinished are marked failed (their zip is gone). */
export async function startZipImports(ctx: AppContext): Promise<void> {
  queueOf(ctx).stopping = false;
  await failInterruptedImports(ctx.db, ctx.now());
}

/** At stop: the running job finishes its current person and ends as INTERRUPTED; queued ones end the same way. */
export async function stopZipImports(ctx: AppContext): Promise<void> {
  const q = queueOf(ctx);
  q.stopping = true;
  await q.tail;
}
