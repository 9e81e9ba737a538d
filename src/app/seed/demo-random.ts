/**
 * Deterministic pseudo-random numbers for the demo: every draw is a hash of a readable key (an employee code, a date,
 * what is being decided), so the demo is the same on every machine and a draw never depends on the order of others.
 */
export function rand(key: string): number {
  // FNV-1a, then a murmur-style finaliser so that keys differing in one character spread over the whole range.
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** An integer in [min, max]. */
export function randInt(key: string, min: number, max: number): number {
  return min + Math.floor(rand(key) * (max - min + 1));
}

export function pick<T>(list: readonly T[], key: string): T {
  return list[Math.floor(rand(key) * list.length)] as T;
}
