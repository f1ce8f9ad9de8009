import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { faceidClient } from '../helpers/tencentClients.ts';
import { CHROMIUM, HAS_CHROMIUM, launchChromium, WAIT, type Browser } from '../helpers/chromium.ts';

// The hosted verification page (DetectAuth's Url) in a real browser, as a tester on a phone uses it:
// Debian's chromium driven by playwright-core (as test/ui/dashboard.browser.test.ts), the app the page
// returns to a small HTTP server of this test on an ephemeral port. Through tencentcloud-sdk-nodejs's
// faceid client: DetectAuth, open the Url, tap an outcome, follow the redirect, GetDetectInfoEnhanced.
// The emulator's clock stands at a fixed time, so the screenshot this test saves for the README
// (docs/images/faceid-page.png) is the same every run; signatures are therefore not checked here (the
// SDK signs with the real time).
const SCREENSHOT = fileURLToPath(new URL('../../docs/images/faceid-page.png', import.meta.url));
const AT = Date.parse('2026-03-01T10:00:00Z');
const PERSON = { IdCard: '110101198003074413', Name: '韦小宝' };

let server: TestServer;
let app: Server;
let appUrl = '';
/** What the app received: the path and query of each request the browser was sent back with. */
const returned: string[] = [];
let chromium: Browser;
let page: Page;
let pageErrors: string[];

describe.skipIf(!HAS_CHROMIUM)(`the hosted verification page, in ${CHROMIUM}`, () => {
  beforeAll(async () => {
    server = await startServer({ rateLimit: false, auth: 'off', now: () => AT });
    app = createServer((req, res) => {
      if (req.url !== '/favicon.ico') returned.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><title>back in the app</title><p id="app">back in the app</p>');
    });
    app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => app.once('listening', resolve));
    appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
    // A phone-sized window: the page is made for one.
    chromium = await launchChromium({ width: 390, height: 844 });
    ({ page, pageErrors } = chromium);
  }, 60_000);

  afterAll(async () => {
    await chromium?.close();
    await server?.close();
    await new Promise((resolve) => (app ? app.close(resolve) : resolve(undefined)));
  });

  /** DetectAuth, open its Url, tap `outcome`, land back in the app: the token the app got. */
  async function flow(outcome: string, screenshot?: string): Promise<string> {
    const { BizToken, Url } = await faceidClient(server.endpoint).DetectAuth({ RuleId: '1', ...PERSON, RedirectUrl: `${appUrl}/kyc/done?order=${outcome}` });
    await page.goto(Url!);
    const button = page.locator(`#choices button[data-outcome="${outcome}"]`);
    await button.waitFor(WAIT);
    // The person is shown masked, never in full.
    const shown = await page.locator('#person').textContent();
    expect(shown).toContain('韦');
    expect(shown).toContain('4413');
    for (const whole of [PERSON.IdCard, PERSON.Name]) expect(shown).not.toContain(whole);
    if (screenshot) {
      mkdirSync(join(screenshot, '..'), { recursive: true });
      await page.screenshot({ path: screenshot, fullPage: true });
    }
    await button.click();
    await page.locator('#app').waitFor(WAIT);
    expect(page.url()).toBe(`${appUrl}/kyc/done?order=${outcome}&BizToken=${BizToken}`);
    expect(returned.at(-1)).toBe(`/kyc/done?order=${outcome}&BizToken=${BizToken}`);
    return BizToken!;
  }

  const text = async (token: string) => (await faceidClient(server.endpoint).GetDetectInfoEnhanced({ BizToken: token, RuleId: '1', InfoType: '1' })).Text!;

  it('pass: the tester taps 通过 0, the browser returns to RedirectUrl with BizToken, and GetDetectInfoEnhanced answers ErrCode 0', async () => {
    const token = await flow('0', SCREENSHOT);
    expect(await text(token)).toMatchObject({ ErrCode: 0, ErrMsg: '成功', Name: PERSON.Name, IdCard: PERSON.IdCard, LiveStatus: 0, Comparestatus: 0 });
  }, 60_000);

  it('a liveness failure: 1005 the same way, and GetDetectInfoEnhanced answers it', async () => {
    const token = await flow('1005');
    expect(await text(token)).toMatchObject({ ErrCode: 1005, LiveStatus: 1005, Comparestatus: null });
  }, 60_000);

  it('offers every outcome grouped by what happens; "never finishes" stays on the page; a finished token shows as finished', async () => {
    const { BizToken, Url } = await faceidClient(server.endpoint).DetectAuth({ RuleId: '1', RedirectUrl: `${appUrl}/kyc/done` });
    await page.goto(Url!);
    await page.locator('#choices button').first().waitFor(WAIT);
    const offered = await page.locator('#choices button').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.outcome));
    expect(offered.sort()).toEqual(['0', '1001', '1002', '1003', '1004', '1005', '1410', '15', '2016']);
    expect(await page.locator('#choices legend').allTextContents()).toHaveLength(5);
    await page.locator('#choices button[data-outcome="15"]').click();
    await page.locator('#message').getByText('2026-03-01T12:00:00.000Z').first().waitFor(WAIT);
    expect(page.url()).toBe(Url);
    expect((await text(BizToken!)).ErrCode).toBeNull();
    await page.goto(Url!);
    await page.locator('#choices button[data-outcome="1410"]').click();
    await page.locator('#app').waitFor(WAIT);
    await page.goto(Url!);
    await page.locator('#message').getByText('1410').first().waitFor(WAIT);
    expect(await page.locator('#choices').isHidden()).toBe(true);
    expect(pageErrors).toEqual([]);
  }, 60_000);
});
