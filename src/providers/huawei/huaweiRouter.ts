import type { NextFunction, Request, Response } from 'express';
import { MockError } from '../../errors.ts';
import { captureBody } from '../../pipeline/captureBody.ts';
import { runAction } from '../../pipeline/runAction.ts';
import { findHuaweiRoute, checkProjectId, isHuaweiPath, type HuaweiRoute } from './findHuaweiRoute.ts';
import { authenticateHuawei, type HuaweiCaller } from './authenticateHuawei.ts';
import { createToken, listProjects, type IamReply } from './iamRoutes.ts';
import { presentFields } from './presentFields.ts';
import { codePrefixesOf, startHuaweiCall } from './huaweiCall.ts';
import { renderHuawei, renderHuaweiError } from './renderHuawei.ts';
import type { SignedRequest } from './verifySdkHmac.ts';
import type { Runtime } from '../../runtime.ts';

/** "APIG body limit 12 MB, giving 413" (huawei-ocr.md section 6). */
const BODY_LIMIT = 12 * 1024 * 1024;

/**
 * The Huawei Cloud front door (APIG REST paths /v1-3/...): the OCR API and the two IAM calls the
 * token and region flows need. Every reply carries X-Request-Id; errors are rendered in one place.
 */
export function huaweiRouter(rt: Runtime) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!isHuaweiPath(req.path)) return next();
    const call = startHuaweiCall(req.headers, rt.config.now());
    call.codePrefixes = codePrefixesOf(rt.data, 'RecognizeIdCard', call.scenarioNames);
    let outcome = 'ok';
    try {
      const route = findHuaweiRoute(req.method, req.originalUrl)!; //                       1. which API (APIG.0101)
      call.action = route.kind;
      const projectId = route.kind === 'RecognizeIdCard' ? checkProjectId(route.projectId, req.headers) : undefined;
      const body = await captureBody(req, BODY_LIMIT, () => new MockError('APIG.0201', {}, 'tooLarge')); // 2. raw bytes, bounded
      const signed: SignedRequest = { method: req.method, url: req.originalUrl, headers: req.headers, body };
      if (route.kind !== 'RecognizeIdCard') {
        const reply = iam(rt, route, signed); //                                            IAM: token, projects
        renderHuawei(res, call, reply.status, reply.body, reply.headers);
      } else {
        const caller = authenticateHuawei(signed, rt); //                                   3. AK/SK or token, lockout
        checkTokenScope(caller, projectId!);
        await rateLimit(rt, caller.key); //                                                  4. per credential, per minute
        const params = parseJsonBody(body); //                                               5. the JSON body
        const api = rt.data.apis.get('huawei:RecognizeIdCard')!;
        const { body: out, scenario } = await runAction(rt, { //                            6-8. validate, image, scenario, produce
          api, params, flavor: rt.config.flavor, scenarioNames: call.scenarioNames, envelope: {},
        });
        call.scenarioNames = scenario.names;
        renderHuawei(res, call, 200, presentFields(out, params)); //                         9. only the fields the flags ask for
      }
    } catch (e) {
      outcome = renderHuaweiError(res, call, rt.data, e).code;
    }
    rt.journal.recordCall('huawei', call, outcome, rt.config.now());
  };
}

function iam(rt: Runtime, route: HuaweiRoute, r: SignedRequest): IamReply {
  const query = new URLSearchParams(r.url.split('?')[1] ?? '');
  return route.kind === 'KeystoneCreateUserTokenByPassword' ? createToken(rt, r.body, query, r.headers) : listProjects(rt, r, query);
}

/**
 * OCR needs a project-scoped token (ModelArts.0212, OCR FAQ), for this project: a token of another
 * project is answered as one used in another region (APIG.0307, section 3.4).
 */
function checkTokenScope(caller: HuaweiCaller, projectId: string): void {
  if (!caller.token) return;
  if (!caller.token.project) throw new MockError('ModelArts.0212');
  if (caller.token.project.id !== projectId) throw new MockError('APIG.0307');
}

/** APIG.0308 "policy user over ratelimit,limit:XX,time:1 minute" (section 6): a per-minute window per credential. */
async function rateLimit(rt: Runtime, key: string): Promise<void> {
  if (!rt.config.rateLimit) return;
  const limit = rt.config.huaweiRateLimitPerMinute;
  if (await rt.limiter.exceeded(`huawei:${key}`, limit, 60)) throw new MockError('APIG.0308', { limit }, 'user');
}

/** The body as JSON whatever the Content-Type's parameters (Python sends `;charset=utf-8`); not a JSON object is ModelArts.4105. */
function parseJsonBody(raw: Buffer): Record<string, unknown> {
  let value: unknown;
  try { value = JSON.parse(raw.toString('utf8')); } catch { throw new MockError('ModelArts.4105'); }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MockError('ModelArts.4105');
  return value as Record<string, unknown>;
}

