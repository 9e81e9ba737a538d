import type { ConclusionInput } from './types';

/** Placeholder until the builder lands (same signature). */
export async function conclusionDocx(_input: ConclusionInput): Promise<Uint8Array> {
  throw new Error('conclusion builder not implemented yet');
}
