import type { KcModule } from '../platform/module';
import { attendanceModule } from '../modules/attendance/module';
import { auditModule } from '../modules/audit/module';
import { authModule } from '../modules/auth/module';
import { calendarModule } from '../modules/calendar/module';
import { camerasModule } from '../modules/cameras/module';
import { disciplineModule } from '../modules/discipline/module';
import { inspectionsModule } from '../modules/inspections/module';
import { competenceModule } from '../modules/competence/module';
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
 * Puts the modules in flow order. The order and the modules must name the same set: a module missing from the order
 * has no place deciding what it may import, and a name with no module would be a module never wired; either fails
 * at load.
 */
export function inFlowOrder(modules: readonly KcModule[], order: readonly string[]): KcModule[] {
  const names = modules.map((m) => m.name);
  const unplaced = names.filter((name) => !order.includes(name));
  if (unplaced.length > 0) throw new Error(`modules missing from src/app/module-order.json: ${unplaced.join(', ')}`);
  const unwired = order.filter((name) => !names.includes(name));
  if (unwired.length > 0) throw new Error(`modules in src/app/module-order.json but not in src/app/modules.ts: ${unwired.join(', ')}`);
  return order.map((name) => modules.find((m) => m.name === name) as KcModule);
}

/**
 * Every module in data-flow order (audit → org → auth → people → notifications → calendar → attendance → cameras →
 * … → violations → reports). Routes are registered in this order; demo data is seeded, and background work starts,
 * in this order and stops in reverse.
 */
export const MODULES: KcModule[] = inFlowOrder(
  [auditModule, orgModule, authModule, peopleModule, competenceModule, notificationsModule, calendarModule, attendanceModule, camerasModule, recordingModule, recognitionModule, rulesModule, violationsModule, disciplineModule, inspectionsModule, reportsModule],
  MODULE_ORDER,
);
