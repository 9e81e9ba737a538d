/**
 * A periodic background job that never overlaps itself and can be stopped cleanly (waits for the run in flight).
 * Errors are logged and the next tick tries again.
 */
export function periodic(name: string, everyMs: number, run: () => Promise<void>, log: { warn: (o: object, m: string) => void }) {
  let inFlight: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (inFlight) return;
    inFlight = run()
      .catch((err) => log.warn({ err, job: name }, 'background job failed'))
      .finally(() => {
        inFlight = null;
      });
  }, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    if (inFlight) await inFlight;
  };
}
