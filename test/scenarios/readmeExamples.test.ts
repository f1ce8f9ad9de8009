import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docText } from '../helpers/docs.ts';
import * as ocrSdk from 'tencentcloud-sdk-nodejs-ocr';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

// The scenario examples (docs/scenarios.md, docs/sdks.md) work when copied as they are: its curl commands against the control
// plane, and its Node snippet that asks for a warning, run here against an emulator on an ephemeral port.
const readme = docText('docs/scenarios.md');
const section = readme.slice(readme.indexOf('## Choosing the answer'), readme.indexOf('### Fixture images'));

/** `curl -X PUT <url> -H … -d '<json>'` commands of a README section, joined across `\` line ends. */
function curls(text: string): { method: string; path: string; body?: string }[] {
  return text.replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l.startsWith('curl ')).map((l) => {
    const m = /-X (\w+) http:\/\/127\.0\.0\.1:4600(\S+)/.exec(l)!;
    return { method: m[1]!, path: m[2]!, body: /-d '([^']*)'/.exec(l)?.[1] };
  });
}

let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

describe('the README\'s scenario examples', () => {
  it('every curl command of "Choosing the answer" is accepted', async () => {
    const commands = curls(section);
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const c of commands) {
      const res = await fetch(`${server.url}${c.path}`, { method: c.method, headers: { 'Content-Type': 'application/json' }, body: c.body });
      expect(res.status, `${c.method} ${c.path}`).toBe(200);
    }
  });

  it('the Node snippet that asks for warning:copy gets [-9102]', async () => {
    const snippet = /const copyClient = ([\s\S]*?\n\}\));\nconst r = await copyClient\.IDCardOCR\(([^\n]*)\);/.exec(docText('docs/sdks.md'))!;
    const options = snippet[1]!.replace(/'127\.0\.0\.1:4600'/, `'${server.endpoint}'`);
    // The README's own text, evaluated as a user would paste it.
    const copyClient = new Function('ocr', `return ${options}`)(ocrSdk.ocr) as InstanceType<typeof ocrSdk.ocr.v20181119.Client>;
    const image = makeCardImage({ seed: 'readme' }).toString('base64');
    const request = new Function('image', `return ${snippet[2]!}`)(image) as { ImageBase64: string; Config: string };
    const r = await copyClient.IDCardOCR(request);
    expect(JSON.parse(r.AdvancedInfo!).WarnInfos).toEqual([-9102]);
  });
});
