import { insertCamera } from '../../src/modules/cameras/cameras.repo';
import type { Db } from '../../src/platform/ports/db';

/**
 * A gate camera of `unitId` recording `url` in 2-second segments, without recognition: what the resilience tests
 * watch for gaps while they break the database or the process.
 */
export async function insertTestGateCamera(db: Db, cameraId: string, unitId: string, url: string): Promise<void> {
  await insertCamera(db, cameraId, {
    name: 'Cổng thử',
    location_type: 'GATE',
    unit_id: unitId,
    main_url: url,
    sub_url: null,
    credentials_enc: null,
    direction: 'IN',
    recognition_allowed: false,
    enabled: true,
    segment_seconds: 2,
    retention_days: 30,
    quota_bytes: null,
    privacy_masks: [],
  });
}
