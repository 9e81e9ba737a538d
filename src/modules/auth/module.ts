import type { KcModule } from '../../platform/module';
import { authRoutes } from './auth.routes';

export const authModule: KcModule = { name: 'auth', routes: authRoutes };
