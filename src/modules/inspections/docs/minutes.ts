import type { MinutesInput } from './types';

/** Placeholder until the builder lands (same signature). */
export async function minutesDocx(_input: MinutesInput): Promise<Uint8Array> {
  throw new Error('minutes builder not implemented yet');
}
