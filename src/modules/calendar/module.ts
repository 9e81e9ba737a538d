import type { KcModule } from '../../platform/module';
import { calendarRoutes } from './calendar.routes';
import { startScheduleReminder } from './schedule-reminder';

export const calendarModule: KcModule = { name: 'calendar', routes: calendarRoutes, start: (ctx) => startScheduleReminder(ctx) };
