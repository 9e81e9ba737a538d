import type { Access } from '../../platform/access';
import { errors } from '../../platform/errors';
import type { AppContext } from '../../platform/module';
import { getViolation, type ViolationRow } from './violations.repo';

/** A violation is visible to the person it concerns and to holders of violations.read over its unit. */
export function assertCanSee(access: Access, v: Pick<ViolationRow, 'person_id' | 'unit_id'>): void {
  access.requireSelfOrUnit('violations.read', v.person_id, v.unit_id);
}

/** The violation if the caller may see it: 404 when it does not exist, 403 when it is out of their scope. */
export async function loadVisible(ctx: AppContext, access: Access, id: string): Promise<ViolationRow> {
  const v = await getViolation(ctx.db, id);
  if (!v) throw errors.notFound('Violation', 'vi phạm');
  assertCanSee(access, v);
  return v;
}
