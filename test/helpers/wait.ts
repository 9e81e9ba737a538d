/**
 * Polls `fn` until it returns something other than undefined, for tests that wait on background work (recorders,
 * queues, workers). Throws "timed out waiting for <what>" so a failing test says what never happened.
 */
export async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number, everyMs = 300): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Polls `read` until `check` holds on its value (work the page or the server finishes on its own: a queue sent once
 * online, a document generated), through `waitFor`; on failure says the last value read and `detail()`.
 */
export async function until<T>(
  read: () => Promise<T>,
  check: (v: T) => boolean,
  what = 'condition',
  opts: { timeoutMs?: number; everyMs?: number; detail?: () => string } = {},
): Promise<T> {
  let last: T | undefined;
  try {
    return await waitFor(what, async () => {
      last = await read();
      return check(last) ? last : undefined;
    }, opts.timeoutMs ?? 120_000, opts.everyMs ?? 300);
  } catch {
    throw new Error(`gave up waiting for ${what}: ${JSON.stringify(last).slice(0, 300)}${opts.detail ? `\n${opts.detail()}` : ''}`);
  }
}
