import type { AppContext } from '../../app/context';
import { failInterruptedImports, runZipImport, type ZipImportJob } from './enrollment-zip.service';
import { recognitionRuntime } from './runtime';

/**
 * Zip imports of one server run one after another: face analysis shares the engine's worker threads with the gate
 * cameras, and two large imports at once would only double the wait for live recognition.
 */
interface Queue {
  tail: Promise<void>;
  stopping: boolean;
}
const queues = new WeakMap<AppContext, Queue>();

function queueOf(ctx: AppContext): Queue {
  let q = queues.get(ctx);
  if (!q) {
    q = { tail: Promise.resolve(), stopping: false };
    queues.set(ctx, q);
  }
  return q;
}

export function enqueueZipImport(ctx: AppContext, job: ZipImportJob): void {
  const q = queueOf(ctx);
  const runtime = recognitionRuntime(ctx);
  q.tail = q.tail.then(() =>
    runZipImport(
      {
        db: ctx.db,
        engine: () => runtime.engine(),
        now: ctx.now,
        onEnrolled: () => runtime.invalidateGalleries(),
        stopping: () => q.stopping,
        onPersonError: (err, personId) => ctx.log.error({ err, importId: job.id, personId }, 'zip enrollment of one person failed'),
      },
      job,
    ),
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
