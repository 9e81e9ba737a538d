/**
 * Device clock skew (attendance-anchors §7.10): a device whose clock runs fast or slow stamps punches with a wrong
 * time. Each heartbeat carries the device's clock; offset = device clock − server receipt time. The median over
 * recent heartbeats resists network delays; when it exceeds the tolerance, a correction is recorded for the source
 * and punch times are read through it. Raw punches are never rewritten.
 */
export interface ClockSample {
  deviceTime: number;
  receivedAt: number;
}

export function estimateClockOffset(samples: readonly ClockSample[]): number | null {
  if (samples.length === 0) return null;
  const diffs = samples.map((s) => s.deviceTime - s.receivedAt).sort((a, b) => a - b);
  const mid = Math.floor(diffs.length / 2);
  return diffs.length % 2 === 1 ? (diffs[mid] as number) : Math.round(((diffs[mid - 1] as number) + (diffs[mid] as number)) / 2);
}

export interface ClockCorrection {
  source: string;
  /** Device-clock instants (epoch ms) between which the offset applies; `to` null = still applies. */
  from: number;
  to: number | null;
  offsetMs: number;
}

/** The true time of a device-stamped instant: device time minus the offset in force. */
export function correctDeviceTime(source: string, deviceTime: number, corrections: readonly ClockCorrection[]): number {
  const c = corrections.find((k) => k.source === source && deviceTime >= k.from && (k.to === null || deviceTime < k.to));
  return c ? deviceTime - c.offsetMs : deviceTime;
}
