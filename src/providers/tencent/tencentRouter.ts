import type { Request, Response } from 'express';
import { MockError, isMockError } from '../../errors.ts';
import { captureBody } from '../../pipeline/captureBody.ts';
import { coerceFlatParams } from '../../pipeline/coerceFlatParams.ts';
import { runAction } from '../../pipeline/runAction.ts';
import { bodyLimit, tooLargeFor } from './bodyLimit.ts';
import { decodeRequest } from './decodeRequest.ts';
import { authenticate } from './authenticate.ts';
import { findApi } from './findApi.ts';
import { startCall, languageOf, flavorOf } from './callContext.ts';
import { renderTencent, renderTencentError } from './renderTencent.ts';
import type { Runtime } from '../../runtime.ts';

/**
 * The Tencent Cloud API 3.0 front door at `/`: one request, top to bottom. Every reply is HTTP 200
 * with the `{"Response":{...}}` envelope, errors included.
 */
export function tencentRouter(rt: Runtime) {
  return async (req: Request, res: Response): Promise<void> => {
    const ctx = startCall(req.headers, rt.config);
    let outcome = 'ok';
    try {
      if (req.method !== 'GET' && req.method !== 'POST') throw new MockError('UnsupportedProtocol');
      const limit = bodyLimit(req.method, req.originalUrl, req.headers);
      const raw = await captureBody(req, limit, tooLargeFor(req.method, req.headers, limit)); // 1. raw bytes, bounded
      const r = await decodeRequest(req.method, req.originalUrl, req.headers, raw); //           2. style, action, params
      if (r.common.Language) ctx.language = ctx.requestedLanguage = languageOf(r.common.Language);
      ctx.flavor = flavorOf(req.headers, r.common.RequestClient, rt.config);
      const api = findApi(rt.data, r.action, r.version);
      ctx.action = api.meta.action;
      const secretId = authenticate(r, rt.config); //                                           3. signature, clock
      await rateLimit(rt, api.meta.action, api.meta.rateLimitPerSecond, secretId); //           4. per SecretId
      const params = r.flat ? coerceFlatParams(r.params as Record<string, string>, api.request) : r.params;
      const { body, scenario } = await runAction(rt, { //                                       5-7. validate, scenario, produce
        api, params, flavor: ctx.flavor, language: ctx.requestedLanguage, scenarioNames: ctx.scenarioNames, envelope: { RequestId: ctx.requestId },
      });
      ctx.scenarioNames = scenario.names;
      renderTencent(res, ctx, body); //                                                          8. envelope
    } catch (e) {
      if (isMockError(e) && e.code === 'RequestSizeLimitExceeded') res.setHeader('Connection', 'close');
      outcome = renderTencentError(res, ctx, rt.data, e).code;
    }
    rt.journal.recordCall('tencent', ctx, outcome, rt.config.now());
  };
}

async function rateLimit(rt: Runtime, action: string, perSecond: number | undefined, secretId: string): Promise<void> {
  if (!rt.config.rateLimit || !perSecond) return;
  const count = await rt.limiter.exceeded(`tencent:${action}:${secretId}`, perSecond, 1);
  if (count !== undefined) throw new MockError('RequestLimitExceeded', { count, limit: perSecond });
}

