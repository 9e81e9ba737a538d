import type { Db } from '../../platform/ports/db';

/** The unit an enrollment period belongs to (the camera's unit when it was opened); undefined for an unknown id. */
export async function periodUnitId(db: Db, periodId: string): Promise<string | undefined> {
  return (await db.query<{ unit_id: string }>('SELECT unit_id FROM face_enrollment_periods WHERE id = $1', [periodId]))[0]?.unit_id;
}
