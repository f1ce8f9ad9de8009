import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';
import { ocrPath, signRequest, sdkDate } from '../helpers/huaweiSign.ts';
import { makeCardImage } from '../../src/images/makeCardImage.ts';
import { WELL_KNOWN } from '../helpers/wellKnown.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are walked freely here; the server checks them against response.json (checkResponses)
type Body = Record<string, any>;

// The IAM token flow of a plain HTTP client (IAM 获取IAM用户Token（使用密码）), on the emulator's clock.
let clock = Date.UTC(2026, 0, 1, 0, 0, 0);
let server: TestServer;
beforeAll(async () => { server = await startServer({ now: () => clock, auth: 'strict' }); });
afterAll(() => server.close());

const image = makeCardImage({ seed: 'hw-token' }).toString('base64');
const passwordBody = (scope: unknown, password: string = WELL_KNOWN.huawei.password): unknown => ({
  auth: {
    identity: { methods: ['password'], password: { user: { domain: { name: 'my-account' }, name: WELL_KNOWN.huawei.user, password } } },
    scope,
  },
});

async function getToken(scope: unknown, password?: string): Promise<Response> {
  return fetch(`${server.url}/v3/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json;charset=utf8' }, body: JSON.stringify(passwordBody(scope, password)) });
}

const ocr = (token: string, projectId: string): Promise<Response> =>
  fetch(`${server.url}${ocrPath(projectId)}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Auth-Token': token }, body: JSON.stringify({ image }) });

describe('IAM token flow', () => {
  it('201 with the token in X-Subject-Token, the documented body, then OCR with X-Auth-Token until it expires 24 h later', async () => {
    const res = await getToken({ project: { name: 'cn-north-4' } });
    expect(res.status).toBe(201);
    const token = res.headers.get('x-subject-token')!;
    expect(token).toMatch(/^MII/);
    const body = await res.json() as { token: Body };
    expect(body.token).toMatchObject({
      methods: ['password'],
      issued_at: '2026-01-01T00:00:00.000000Z',
      expires_at: '2026-01-02T00:00:00.000000Z',
      project: { name: 'cn-north-4', domain: { name: 'my-account' } },
      user: { name: WELL_KNOWN.huawei.user, password_expires_at: '' },
    });
    expect(body.token.catalog[0].endpoints[0].url).toBe(server.url);
    const projectId = body.token.project.id as string;
    expect(projectId).toMatch(/^[0-9a-f]{32}$/);

    const ok = await ocr(token, projectId);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);

    const other = await ocr(token, 'ffffffffffffffffffffffffffffffff');
    expect(await other.json()).toMatchObject({ error_code: 'APIG.0307', error_msg: 'The token must be updated.' });

    clock += 24 * 60 * 60 * 1000;
    const expired = await ocr(token, projectId);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ error_code: 'APIG.0307', error_msg: 'The token must be updated.' });
  });

  it('a scope by project id gives a token for that id; ?nocatalog=true leaves the catalog out', async () => {
    const res = await fetch(`${server.url}/v3/auth/tokens?nocatalog=true`, { method: 'POST', body: JSON.stringify(passwordBody({ project: { id: 'abc123' } })) });
    const body = await res.json() as { token: Body };
    expect(body.token.project.id).toBe('abc123');
    expect(body.token).not.toHaveProperty('catalog');
    expect((await ocr(res.headers.get('x-subject-token')!, 'abc123')).status).toBe(200);
  });

  it('a domain-scoped token is refused by OCR with ModelArts.0212', async () => {
    const res = await getToken({ domain: { name: 'my-account' } });
    const refused = await ocr(res.headers.get('x-subject-token')!, 'abc123');
    expect({ status: refused.status, body: await refused.json() }).toEqual({
      status: 401, body: { error_code: 'ModelArts.0212', error_msg: 'Invalid Token header. The Token not contain project item.' },
    });
  });

  it('IAM errors come in IAM\'s own shape with a numeric code', async () => {
    const wrong = await getToken({ project: { name: 'cn-north-4' } }, 'not-the-password');
    expect({ status: wrong.status, body: await wrong.json() }).toEqual({
      status: 401, body: { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } },
    });
    const bad = await fetch(`${server.url}/v3/auth/tokens`, { method: 'POST', body: '{"auth":{}}' });
    expect({ status: bad.status, body: await bad.json() }).toEqual({
      status: 400, body: { error: { code: 400, message: 'The request body is invalid', title: 'Bad Request' } },
    });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('lenient mode takes any token shaped like an IAM token (MII…), and refuses one that is not with 401 APIG.0301', async () => {
    const lenient = await startServer({ now: () => clock });
    try {
      const send = (token: string): Promise<Response> =>
        fetch(`${lenient.url}${ocrPath()}`, { method: 'POST', headers: { 'X-Auth-Token': token }, body: JSON.stringify({ image }) });
      expect((await send(`MII${Buffer.alloc(48, 7).toString('base64')}`)).status).toBe(200);
      const refused = await send('anything');
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as Body).error_code).toBe('APIG.0301');
    } finally {
      await lenient.close();
    }
  });
});

describe('GET /v3/projects, the SDKs\' region flow', () => {
  it('returns exactly one project named after the region, the same id the token flow gives', async () => {
    const host = new URL(server.url).host;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', Host: host, 'X-Sdk-Date': sdkDate(clock) };
    // Node sends a `{}` body with this GET and signs it (@huaweicloud/huaweicloud-sdk-core iam.service.js).
    headers.Authorization = signRequest({ method: 'GET', path: '/v3/projects', query: { name: 'cn-south-1' }, headers, body: '{}' });
    const body = await new Promise<{ projects: { id: string; name: string }[] }>((resolve, reject) => {
      const req = request(`${server.url}/v3/projects?name=cn-south-1`, { method: 'GET', headers: { ...headers, 'Content-Length': 2 } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString())));
      });
      req.on('error', reject);
      req.end('{}');
    });
    expect(body.projects).toHaveLength(1);
    expect(body.projects[0]!.name).toBe('cn-south-1');
    const token = await (await getToken({ project: { name: 'cn-south-1' } })).json() as { token: { project: { id: string } } };
    expect(body.projects[0]!.id).toBe(token.token.project.id);
  });
});
