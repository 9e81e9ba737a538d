import type { KcModule } from '../../platform/module';
import { competenceRoutes } from './competence.routes';
import { postsRoutes } from './posts.routes';
import { seedCompetenceDemo } from './seed-demo';

export const competenceModule: KcModule = {
  name: 'competence',
  routes: async (app, ctx) => {
    await competenceRoutes(app, ctx);
    await postsRoutes(app, ctx);
  },
  seedDemo: seedCompetenceDemo,
};
