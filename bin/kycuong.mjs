#!/usr/bin/env node
// Entry point of the `kycuong` CLI: TypeScript sources run through tsx, so there is no build step for the server.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
