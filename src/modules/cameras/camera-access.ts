import type { Db } from '../../platform/ports/db';
import { errors } from '../../platform/errors';
import type { Access } from '../../platform/access';
import { activeGrants, type CameraRow } from './cameras.repo';

/**
 * What one user may do with one camera. Leaders hold camera.live / camera.playback over their unit; anyone else
 * needs a grant from such a leader. Raw (unmasked) footage needs footage.raw over the unit: grants never give it.
 */
export interface CameraRights {
  live: boolean;
  playback: boolean;
  raw: boolean;
  manage: boolean;
  export: boolean;
  /** May grant and revoke viewing to others: a leader by role over the unit (a grant is never passed on). */
  grant: boolean;
}

export async function rightsFor(db: Db, access: Access, camera: Pick<CameraRow, 'id' | 'unit_id'>, now: Date): Promise<CameraRights> {
  const grants = (await activeGrants(db, access.principal.userId, now)).filter((g) => g.camera_id === camera.id);
  const unit = camera.unit_id;
  const playback = access.canInUnit('camera.playback', unit) || grants.some((g) => g.can_playback);
  return {
    live: access.canInUnit('camera.live', unit) || grants.some((g) => g.can_live),
    playback,
    raw: access.canInUnit('footage.raw', unit),
    manage: access.canInUnit('camera.manage', unit),
    export: playback && access.canInUnit('evidence.export', unit),
    grant: access.canInUnit('camera.live', unit),
  };
}

/** Cameras a user can see in lists: by role over the unit, or by grant. */
export async function visibleCameraFilter(db: Db, access: Access, now: Date): Promise<{ unitIds: string[]; cameraIds: string[] }> {
  const unitIds = [
    ...new Set([...access.unitsFor('camera.live'), ...access.unitsFor('camera.playback'), ...access.unitsFor('camera.manage')]),
  ];
  const cameraIds = (await activeGrants(db, access.principal.userId, now)).map((g) => g.camera_id);
  return { unitIds, cameraIds };
}

export function requireRight(rights: CameraRights, right: keyof CameraRights): void {
  if (!rights[right]) throw errors.forbidden({ permission: `camera.${right}` });
}
