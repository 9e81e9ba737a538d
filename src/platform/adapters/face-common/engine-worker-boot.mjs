// Worker entry: registers tsx in this thread so the TypeScript worker runs without a build step.
import { register } from 'tsx/esm/api';
register();
await import('./engine-worker.ts');
