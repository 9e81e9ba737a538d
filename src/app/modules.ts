import type { KcModule } from '../platform/module';
import { attendanceModule } from '../modules/attendance/module';
import { auditModule } from '../modules/audit/module';
import { authModule } from '../modules/auth/module';
import { calendarModule } from '../modules/calendar/module';
import { camerasModule } from '../modules/cameras/module';
import { notificationsModule } from '../modules/notifications/module';
import { orgModule } from '../modules/org/module';
import { peopleModule } from '../modules/people/module';
import { recognitionModule } from '../modules/recognition/module';
import { recordingModule } from '../modules/recording/module';
import { reportsModule } from '../modules/reports/module';
import { rulesModule } from '../modules/rules/module';
import { violationsModule } from '../modules/violations/module';
import moduleOrder from './module-order.json';

/** The module order, from src/app/module-order.json (the one place it lives; the import rules read it too). */
export const MODULE_ORDER: readonly string[] = moduleOrder.modules;

/**
 * Puts the modules in flow order. A module missing from the order is a mistake (its place decides what it may
 * import), so it fails at load; a name in the order with no module yet is skipped.
 */
function inFlowOrder(modules: KcModule[], order: readonly string[]): KcModule[] {
  const unplaced = modules.filter((m) => !order.includes(m.name)).map((m) => m.name);
  if (unplaced.length > 0) throw new Error(`modules missing from src/app/module-order.json: ${unplaced.join(', ')}`);
  return order.flatMap((name) => modules.filter((m) => m.name === name));
}

/**
 * Every module in data-flow order (audit → org → auth → people → notifications → calendar → attendance → cameras →
 * … → violations → reports). Routes are registered in this order; demo data is seeded, and background work starts,
 * in this order and stops in reverse.
 */
export const MODULES: KcModule[] = inFlowOrder(
  [auditModule, orgModule, authModule, peopleModule, notificationsModule, calendarModule, attendanceModule, camerasModule, recordingModule, recognitionModule, rulesModule, violationsModule, reportsModule],
  MODULE_ORDER,
);
