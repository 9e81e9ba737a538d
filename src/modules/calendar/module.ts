import type { KcModule } from '../../platform/module';
import { calendarRoutes } from './calendar.routes';

export const calendarModule: KcModule = { name: 'calendar', routes: calendarRoutes };
