import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docText } from '../helpers/docs.ts';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrClient, sdkError } from '../helpers/tencentClients.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';

// The YAML scenario file of docs/scenarios.md, copied as it is into a folder of one's own at the path its second
// comment line gives, and played through the Tencent Node SDK.
const readme = docText('docs/scenarios.md');
const yaml = /```yaml\n(# yaml-language-server: [\s\S]*?)```/.exec(readme)![1]!;
const rel = /^# (my-scenarios\/\S+\.yaml)$/m.exec(yaml)![1]!;
const scratch = mkdtempSync(join(tmpdir(), 'idcard-mock-readme-scenario-'));
let server: TestServer;
beforeAll(async () => {
  mkdirSync(dirname(join(scratch, rel)), { recursive: true });
  writeFileSync(join(scratch, rel), yaml);
  server = await startServer({ scenarioDirs: [join(scratch, 'my-scenarios')] });
});
afterAll(async () => {
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the README\'s YAML scenario file', () => {
  it('plays its steps for requests with its header, and leaves the others alone', async () => {
    const image = makeCardImage({ seed: 'readme-yaml' }).toString('base64');
    const request = { ImageBase64: image, Config: JSON.stringify({ CopyWarn: true }) };
    const retry = ocrClient(server.endpoint, { headers: { 'x-test-case': 'retry' } });
    expect((await sdkError(retry.IDCardOCR(request))).code).toBe('RequestLimitExceeded');
    expect((await sdkError(retry.IDCardOCR(request))).code).toBe('RequestLimitExceeded');
    const third = await retry.IDCardOCR(request);
    expect([third.Name, third.IdNum, third.Birth, third.Sex]).toEqual(['韦小宝', '110101198003074413', '1980/3/7', '男']);
    expect(JSON.parse(third.AdvancedInfo!).WarnInfos).toEqual([-9102]);
    const plain = await ocrClient(server.endpoint).IDCardOCR(request);
    expect(plain.Name).not.toBe('韦小宝');
  });
});
