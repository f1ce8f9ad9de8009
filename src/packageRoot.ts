import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, schemas/, scenarios/ and keys/: one level above this file both as
 * src/packageRoot.ts (tsx) and as dist/packageRoot.js (the build), so both find the same data.
 * fileURLToPath, not `.pathname`: a checkout or node_modules path with a space or non-ASCII characters
 * would stay percent-encoded otherwise.
 */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The folder of the running code itself: dist/ for the build, src/ under tsx. What the build makes for
 * its own code (dist/precompiled.cjs: validators compiled with the build's Ajv settings) is looked for
 * here, so sources run through tsx, whose settings may have been edited since, never find it.
 */
export const codeFolder = fileURLToPath(new URL('.', import.meta.url));
