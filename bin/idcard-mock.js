#!/usr/bin/env node
// The emulator is TypeScript run through tsx (a runtime dependency), so `npm start`, `npx idcard-mock`
// and a global install need no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
