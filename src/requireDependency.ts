import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from './packageRoot.ts';

/**
 * require() of a CommonJS dependency (Ajv, yaml), resolved from the package as its imports are: for
 * what is loaded on first use rather than when the emulator starts, synchronously, since the data is
 * loaded synchronously (createApp).
 */
export const requireDependency = createRequire(join(packageRoot, 'package.json'));
