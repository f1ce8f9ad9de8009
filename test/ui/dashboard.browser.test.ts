import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, SECRET_ID, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, WAIT, type Browser } from '../helpers/chromium.ts';

// The dashboard in a real browser: Debian's chromium driven by playwright-core (test/helpers/chromium.ts).
const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));

const image = makeCardImage({ seed: 'dashboard' }).toString('base64');
let server: TestServer;
let chromium: Browser;
let page: Page;
let pageErrors: string[];

describe.skipIf(!HAS_CHROMIUM)(`the dashboard at /__mock/ui, in ${CHROMIUM}`, () => {
  beforeAll(async () => {
    server = await startServer();
    chromium = await launchChromium({ width: 1440, height: 900 });
    ({ page, pageErrors } = chromium);
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('shows an SDK call live, its masked detail, binds a scenario that the next SDK call gets, and shows coverage', async () => {
    await page.goto(`${server.url}/__mock/ui`);
    await page.locator('#status[data-state="live"]').waitFor(WAIT);

    // A call made after the page is open appears in it, pushed over /__mock/events.
    const person = await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image });
    const row = page.locator(`#entries tr[data-request-id="${person.RequestId}"]`);
    await row.waitFor(WAIT);
    expect(await row.textContent()).toContain('IDCardOCR');

    // Its detail: the masked request (the image described, not its bytes) and the masked response.
    await row.click();
    const request = page.locator('#detail [data-part="request"]');
    const response = page.locator('#detail [data-part="response"]');
    await request.getByText(/<image jpg 856x540 \d+ bytes sha256:[0-9a-f]{12}>/).waitFor(WAIT);
    await response.getByText(`${'*'.repeat(14)}${person.IdNum!.slice(-4)}`).waitFor(WAIT);
    const shown = await page.locator('#detail').textContent();
    for (const personal of [person.IdNum!, person.Name!, image.slice(100, 160)]) expect(shown).not.toContain(personal);
    expect(await page.locator('#detail [data-part="decision"]').textContent()).toContain('rule');
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: join(RESULTS, 'dashboard-journal.png') });

    // A failed signature: the diagnosis with our canonical request. What the caller sent is shown as text,
    // never parsed as HTML (the page's CSP would also stop the script; no <img> is the check here).
    const bad = await sdkError(ocrClient(server.endpoint, { secretKey: 'WRONG', headers: { 'X-Note': '<img src=x onerror="document.title=1">' } }).IDCardOCR({ ImageBase64: image }));
    await page.locator(`#entries tr[data-request-id="${bad.requestId}"]`).click();
    await page.locator('#detail [data-part="diagnosis"]').getByText(/wrong secret key/).waitFor(WAIT);
    expect(await page.locator('#detail [data-part="diagnosis"] pre').first().textContent()).toMatch(/^POST\n\/\n/);
    await page.locator('#detail [data-part="request"]').getByText('<img src=x onerror=').waitFor(WAIT);
    expect(await page.locator('#detail img').count()).toBe(0);

    // Bind a scenario to this caller from the page: the first call's detail has a button that fills in the
    // credential and the API (a failed signature proves no caller, so its detail has none).
    expect(await page.locator('#steer').count()).toBe(0);
    await row.click();
    await page.locator('#steer').click();
    await page.locator('#scenarios').waitFor({ state: 'visible', ...WAIT });
    expect(await page.locator('#credential').inputValue()).toBe(SECRET_ID);
    expect(await page.locator('#api').inputValue()).toBe('tencent:IDCardOCR');
    await page.locator('#scenario').selectOption('FailedOperation.ImageBlur');
    await page.getByRole('button', { name: 'Bind', exact: true }).click();
    await page.locator(`#bindings tr[data-credential="${SECRET_ID}"]`, { hasText: 'FailedOperation.ImageBlur' }).waitFor(WAIT);
    await page.screenshot({ path: join(RESULTS, 'dashboard-scenarios.png') });

    // The next SDK call gets that error, and the page shows it too.
    const err = await sdkError(ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image }));
    expect(err.code).toBe('FailedOperation.ImageBlur');
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.locator(`#entries tr[data-request-id="${err.requestId}"]`, { hasText: 'FailedOperation.ImageBlur' }).waitFor(WAIT);

    // Coverage: the error just produced is tested, and what is left is listed.
    await page.getByRole('tab', { name: 'Coverage' }).click();
    const coverage = page.locator('#coverage-table tr[data-api="tencent:IDCardOCR"]');
    await coverage.waitFor(WAIT);
    await coverage.locator('summary').click();
    const untested = await coverage.textContent();
    expect(untested).toMatch(/\d+ untested/);
    expect(untested).toContain('FailedOperation.OcrFailed');
    expect(untested).not.toContain('FailedOperation.ImageBlur');
    await page.screenshot({ path: join(RESULTS, 'dashboard-coverage.png'), fullPage: true });

    // Remove the binding from the page: the SDK gets a person again.
    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.locator(`#bindings tr[data-credential="${SECRET_ID}"]`).getByRole('button', { name: 'Remove' }).click();
    await page.locator(`#bindings tr[data-credential="${SECRET_ID}"]`).waitFor({ state: 'detached', ...WAIT });
    expect((await ocrClient(server.endpoint).IDCardOCR({ ImageBase64: image })).IdNum).toMatch(/^\d{17}[\dX]$/);

    expect(pageErrors).toEqual([]);
  }, 90_000);
});
