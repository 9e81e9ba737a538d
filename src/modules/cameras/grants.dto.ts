import { z } from 'zod';

/** Response schemas of the view-grant routes (grants.routes.ts). */

/** A grant in force: someone outside the leader roles may watch a camera (always the privacy-masked picture). */
export const ZViewGrant = z
  .object({
    id: z.string(),
    userId: z.string(),
    username: z.string(),
    displayName: z.string(),
    canLive: z.boolean(),
    canPlayback: z.boolean(),
    validUntil: z.string().nullable(),
    /** Start of the window when later than the grant itself (system grants). */
    validFrom: z.string().nullable(),
    reason: z.string(),
    /** Display name of the leader who granted it (of the person who started the inspection, for a system grant). */
    grantedBy: z.string().nullable(),
    createdAt: z.string(),
    /** A system grant's purpose ("Cấp theo cuộc kiểm tra …"): it ends with that purpose, not by a leader's revocation. */
    grantedFor: z.object({ type: z.string(), id: z.string(), label: z.string() }).nullable(),
  })
  .meta({ id: 'ViewGrant' });

export const ZViewGrantList = z.object({ items: z.array(ZViewGrant) });

/** An account the leader may grant to. */
export const ZViewGrantCandidate = z
  .object({ id: z.string(), username: z.string(), displayName: z.string(), personName: z.string().nullable(), unitName: z.string().nullable() })
  .meta({ id: 'ViewGrantCandidate' });

export const ZViewGrantCandidateList = z.object({ items: z.array(ZViewGrantCandidate) });

export const ZViewGrantCreated = z
  .object({
    id: z.string(),
    /** Grants of the same user on this camera that the new one closed. */
    replaced: z.array(z.string()),
  })
  .meta({ id: 'ViewGrantCreated' });
