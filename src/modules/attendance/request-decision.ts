import { AppError, errors } from '../../platform/errors';

/**
 * The checks every request decision makes before it changes anything (leave, permissions, punch corrections): still
 * pending, not changed meanwhile, not one's own request, a reason when refusing. Competence is checked by the route.
 */
export function assertDecidable(
  cur: { status: string; version: number; person_id: string },
  actor: { personId?: string | null },
  decision: 'APPROVED' | 'REJECTED',
  note: string | null,
  expectedVersion: number | undefined,
): void {
  if (cur.status !== 'PENDING')
    throw errors.conflict('REQUEST_NOT_PENDING', 'Đơn này không còn chờ duyệt.', 'This request is no longer pending.', { status: cur.status });
  if (expectedVersion !== undefined && expectedVersion !== cur.version)
    throw errors.conflict('VERSION_CONFLICT', 'Đơn đã được người khác thay đổi. Hãy tải lại.', 'The request was changed by someone else. Reload.');
  if (actor.personId && actor.personId === cur.person_id)
    throw new AppError(403, 'SELF_APPROVAL', 'Không được tự duyệt đơn của chính mình.', 'You cannot decide on your own request.');
  if (decision === 'REJECTED' && !note?.trim())
    throw errors.badRequest('NOTE_REQUIRED', 'Cần nêu lý do từ chối.', 'A reason is required to reject.');
}
