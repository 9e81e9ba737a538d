import type { KcModule } from '../../platform/module';

export const competenceModule: KcModule = {
  name: 'competence',
};
