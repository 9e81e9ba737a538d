/**
 * Delay before retry number `attempt` (1 = the first retry after one failed attempt): 1, 2, 4, 8 … minutes, capped at
 * 6 hours, so a mail server down over a weekend does not lose the notices but is not hammered either.
 */
export function retryDelayMs(attempt: number, baseMs = 60_000, capMs = 6 * 3600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
