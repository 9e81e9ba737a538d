/** A punch more than this far ahead of its receipt time (after clock correction) is refused. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** A device clock offset beyond this (median of recent heartbeats) opens a clock correction for the source. */
export const CLOCK_SKEW_TOLERANCE_MS = 60_000;
