import type { IncomingHttpHeaders } from 'node:http';
import { MockError } from '../../errors.ts';

export type HuaweiRoute =
  | { kind: 'RecognizeIdCard'; projectId: string }
  | { kind: 'KeystoneCreateUserTokenByPassword' }
  | { kind: 'KeystoneListProjects' };

/** The paths the Huawei front door answers: everything under these prefixes is Huawei's (APIG.0101 if unknown). */
const HUAWEI_PREFIX = /^\/v[123]\//;

/** Whether a path belongs to the Huawei front door at all (the Tencent one owns `/`). */
export const isHuaweiPath = (path: string): boolean => HUAWEI_PREFIX.test(path);
const ROUTES: { path: RegExp; method: string; route: (m: RegExpExecArray) => HuaweiRoute }[] = [
  { path: /^\/v2\/([^/]+)\/ocr\/id-card\/?$/, method: 'POST', route: (m) => ({ kind: 'RecognizeIdCard', projectId: m[1]! }) },
  { path: /^\/v3\/auth\/tokens\/?$/, method: 'POST', route: () => ({ kind: 'KeystoneCreateUserTokenByPassword' }) },
  { path: /^\/v3\/projects\/?$/, method: 'GET', route: () => ({ kind: 'KeystoneListProjects' }) },
];

/**
 * Which Huawei API a raw path and method are (names are the SDKs' operation names), undefined when
 * the path is not Huawei's at all. A known path with another method is APIG.0101 "The API does not
 * exist.", an unknown path under /v1-3/ the longer APIG.0101 message (DOCS-APIG, section 3.4).
 */
export function findHuaweiRoute(method: string, url: string): HuaweiRoute | undefined {
  const path = url.split('?')[0]!;
  if (!isHuaweiPath(path)) return undefined;
  for (const r of ROUTES) {
    const m = r.path.exec(path);
    if (!m) continue;
    if (method !== r.method) throw new MockError('APIG.0101', {}, 'method');
    return r.route(m);
  }
  throw new MockError('APIG.0101');
}

/**
 * The project id of an OCR path. The SDKs send the literal `%7Bproject_id%7D` when they have neither
 * a project id nor a region (Surprises 6), and send X-Project-Id beside the path (Surprises 9): both
 * are refused with a message that says what to fix.
 */
export function checkProjectId(rawProjectId: string, headers: IncomingHttpHeaders): string {
  let projectId = rawProjectId;
  try { projectId = decodeURIComponent(rawProjectId); } catch { /* keep it raw */ }
  if (projectId === '{project_id}') throw new MockError('APIG.0310', {}, 'placeholder');
  const header = headers['x-project-id'];
  if (typeof header === 'string' && header !== projectId) throw new MockError('APIG.0310', { header, path: projectId }, 'mismatch');
  return projectId;
}
