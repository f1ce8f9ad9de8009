import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Debian's chromium (apt-get install chromium; .ci/run installs it), driven by playwright-core, which
// downloads no browser of its own. Without chromium a browser test is skipped on a developer's machine
// and fails under CI=true (`describe.skipIf(!HAS_CHROMIUM)`).
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM) || Boolean(process.env.CI);
// The machine's network is closed: these flags keep chromium from reaching out at start (Google's
// services, updates, QUIC), which would only fail, slowly and many times over.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const WAIT = { timeout: 15_000 };

export interface Browser { browser: BrowserContext; page: Page; pageErrors: string[]; close(): Promise<void> }

/** A headless chromium with a fresh profile and one page, collecting the page's script errors and console errors. */
export async function launchChromium(viewport: { width: number; height: number }): Promise<Browser> {
  // A fresh profile each run (launchPersistentContext is how Playwright takes --user-data-dir).
  const profile = mkdtempSync(join(tmpdir(), 'idcard-mock-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport, deviceScaleFactor: 1 });
  const page = await browser.newPage();
  const pageErrors: string[] = [];
  page.setDefaultTimeout(WAIT.timeout);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(`${m.text()} ${m.location().url}`); });
  return {
    browser, page, pageErrors,
    close: async () => { await browser.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}
