import { todayInVietnam } from '../../i18n/format';
import type { Remediation } from './types';

/**
 * Past due: the server's flag (the daily job stores OVERDUE), or a due date before today in Vietnam on an item not
 * done — the job runs once a day, the page shows the truth of the moment.
 */
export function isOverdue(r: Pick<Remediation, 'state' | 'overdue' | 'dueOn'>, today = todayInVietnam()): boolean {
  return r.state !== 'DONE' && (r.overdue || r.state === 'OVERDUE' || r.dueOn < today);
}
