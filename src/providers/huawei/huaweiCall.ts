import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { DataSet } from '../../data/types.ts';

/** What the Huawei front door knows about a request so far. */
export interface HuaweiCall {
  /** 32 lowercase hex, sent as X-Request-Id on every reply (huawei-ocr.md section 7, Surprises 11). */
  requestId: string;
  action?: string;
  scenarioNames: string[];
  /** Prefix replacements of the named scenarios (`APIG.` → `APIGW.`), applied to every error code answered. */
  codePrefixes: Record<string, string>;
  started: number;
}

export function startHuaweiCall(headers: IncomingHttpHeaders, now: number): HuaweiCall {
  const named = Array.isArray(headers['x-mock-scenario']) ? headers['x-mock-scenario'][0] : headers['x-mock-scenario'];
  return {
    requestId: randomBytes(16).toString('hex'),
    scenarioNames: (named ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    codePrefixes: {},
    started: now,
  };
}

/**
 * The prefix replacements of the scenarios named in the header, looked up before anything can fail,
 * so that a gateway error raised during authentication is spelled the way the scenario asks. Unknown
 * names are left to chooseScenarios, which reports them.
 */
export function codePrefixesOf(data: DataSet, action: string, names: string[]): Record<string, string> {
  const api = data.apis.get(`huawei:${action}`);
  return Object.assign({}, ...names.map((n) => api?.scenarios.get(n)?.codePrefixes ?? {}));
}
