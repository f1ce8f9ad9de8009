import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/startServer.ts';

// The control plane's answers to a caller's mistakes: a wrong method is 405 with Allow (not the
// catch-all "no emulated API"), an unknown path names the nearest route, and a body that is not JSON
// is a 400 that says it is the request body, and why.
let server: TestServer;
beforeAll(async () => { server = await startServer(); });
afterAll(() => server.close());

async function call(method: string, path: string, body?: string, type?: string) {
  const res = await fetch(`${server.url}${path}`, { method, body, headers: type ? { 'Content-Type': type } : {} });
  return { status: res.status, allow: res.headers.get('allow'), type: res.headers.get('content-type'), body: await res.json() as { error: string } };
}

describe('a wrong method on a control-plane route', () => {
  it.each([
    ['POST', '/__mock/health', 'GET, HEAD'],
    ['GET', '/__mock/reset', 'POST'],
    ['PATCH', '/__mock/bindings/AKIDEXAMPLE', 'DELETE, GET, HEAD, PUT'],
    ['DELETE', '/__mock/Clock/', 'GET, HEAD, POST'],
  ])('%s %s → 405, Allow: %s', async (method, path, allow) => {
    const res = await call(method, path);
    expect(res.status).toBe(405);
    expect(res.allow).toBe(allow);
    expect(res.body.error).toBe(`idcard-mock: ${method} is not a method of ${path}, which takes ${allow}`);
    expect(res.body.error).not.toContain('no emulated API');
  });

  it('OPTIONS is still answered by Express with Allow', async () => {
    const res = await fetch(`${server.url}/__mock/reset`, { method: 'OPTIONS' });
    expect(res.status).toBe(200);
    expect(res.headers.get('allow')).toBe('POST');
  });
});

describe('an unknown control-plane path', () => {
  it('404 naming the nearest route', async () => {
    const res = await call('GET', '/__mock/helth');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('idcard-mock: no control-plane route /__mock/helth (did you mean /__mock/health?)');
  });

  it('a file the dashboard does not have is 404, not 405', async () => {
    const res = await call('GET', '/__mock/ui/nothing.js');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('idcard-mock: nothing at /__mock/ui/nothing.js');
  });
});

describe('a request body that is not JSON', () => {
  it('JSON that does not parse: 400 naming the body and the parse error', async () => {
    const res = await call('PUT', '/__mock/active', '{scenario: "AIS.0103"}', 'application/json');
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.body.error).toMatch(/^idcard-mock: the request body is not JSON \(.*position 1.*\); the control plane takes a JSON body with Content-Type application\/json$/);
  });

  it.each([
    ['POST', '/__mock/clock', 'advance=5m', 'application/x-www-form-urlencoded'],
    ['PUT', '/__mock/bindings/AKIDEXAMPLE', 'scenario: AIS.0103', 'text/plain'],
  ])('%s %s with %s of type %s: 400 naming the body, not the fields it lacks', async (method, path, body, type) => {
    const res = await call(method, path, body, type);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(`idcard-mock: the request body is not JSON: its Content-Type is ${type}; send it as application/json`);
  });

  it('a JSON body is taken as before', async () => {
    const res = await call('POST', '/__mock/clock', JSON.stringify({ advance: '1m' }), 'application/json');
    expect(res.status).toBe(200);
  });
});
