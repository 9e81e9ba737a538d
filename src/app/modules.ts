import type { KcModule } from '../platform/module';
import { attendanceModule } from '../modules/attendance';
import { auditModule } from '../modules/audit';
import { calendarModule } from '../modules/calendar';
import { authModule } from '../modules/auth';
import { orgModule } from '../modules/org';
import { peopleModule } from '../modules/people';
import { camerasModule } from '../modules/cameras';
import { recordingModule } from '../modules/recording';
import { recognitionModule } from '../modules/recognition';
import { notificationsModule } from '../modules/notifications/module';
import { reportsModule } from '../modules/reports/module';
import { rulesModule } from '../modules/rules/module';
import { violationsModule } from '../modules/violations/module';

/**
 * Modules in data-flow order (see ARCHITECTURE.md): organisation and people first, then
 * cameras → recognition → attendance → rules → violations → reports.
 * Routes are registered in this order; background work starts in this order and stops in reverse.
 */
export const MODULES: KcModule[] = [auditModule, orgModule, peopleModule, authModule, camerasModule, recordingModule, recognitionModule, calendarModule, attendanceModule, rulesModule, violationsModule, notificationsModule, reportsModule];
