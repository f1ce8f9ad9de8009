import express, { type RequestHandler } from 'express';
import { join } from 'node:path';
import { packageRoot } from '../packageRoot.ts';

// The dashboard's files, served as they are: no build step between the repo and the browser. Found from
// the package root, so the compiled server in dist/ serves the same src/admin/ui/ (package.json `files`).
const UI_DIR = join(packageRoot, 'src', 'admin', 'ui');
// Defence in depth for a page that shows what callers sent: only its own script, style and URLs.
const UI_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
};

/** The dashboard (src/admin/ui/: one HTML page, one JS module, one stylesheet), mounted at /__mock/ui behind the admin guard. */
export function dashboard(): RequestHandler {
  return express.static(UI_DIR, {
    setHeaders: (res) => { for (const [k, v] of Object.entries(UI_HEADERS)) res.setHeader(k, v); },
  });
}
