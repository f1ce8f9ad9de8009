import { apiKey } from '../data/apiKey.ts';
import type { Runtime } from '../runtime.ts';
import type { FaceIdFlow } from '../state/faceIdFlows.ts';
import type { ResultEntry } from '../data/types.ts';

/** What a decision answers: the HTTP status and the JSON body, for the hosted page and the control plane alike. */
export interface Decision { status: number; body: Record<string, unknown> }

/** The outcomes a flow can end in (results.json of the API its action.json `flow.outcomesOf` names), by code. */
export function outcomesOf(rt: Runtime, flow: FaceIdFlow): Record<string, ResultEntry> {
  return rt.data.apis.get(apiKey({ provider: flow.provider, action: flow.outcomesOf }))?.results.results ?? {};
}

/** Where the browser goes when the user finishes: the caller's redirect URL with the token as its query parameter. */
export function redirectOf(flow: FaceIdFlow): string | null {
  if (flow.redirectUrl === undefined) return null;
  const url = new URL(flow.redirectUrl);
  url.searchParams.set(flow.redirectParameter, flow.token);
  return url.href;
}

/**
 * The user's choice on the hosted page, or a test's through the control plane: `outcome` is a code of
 * the flow's outcomes. The token must be known, unexpired and unfinished. Choosing the `expire` outcome
 * (the user walks away) records nothing: the flow stays open and ends in that outcome when the token's
 * time is over, as an abandoned one does.
 */
export async function decideFlow(rt: Runtime, token: string, outcome: unknown, by: 'page' | 'control'): Promise<Decision> {
  await rt.clock.refresh();
  const now = rt.clock.now();
  const flow = await rt.state.faceIdFlows.find(token);
  if (!flow) return { status: 404, body: { error: `idcard-mock: no verification flow has the token ${token} (issued since the last reset)` } };
  const outcomes = outcomesOf(rt, flow);
  const entry = typeof outcome === 'string' ? outcomes[outcome] : undefined;
  if (!entry) return { status: 400, body: { error: `idcard-mock: \`outcome\` must be one of the flow's outcome codes, as text: ${Object.keys(outcomes).join(', ')}`, outcomes: Object.keys(outcomes) } };
  if (flow.outcome !== undefined) return { status: 409, body: { error: `idcard-mock: this flow is already finished, with outcome ${flow.outcome}`, outcome: flow.outcome } };
  if (now > flow.expiresAt) return { status: 409, body: { error: `idcard-mock: the token expired at ${new Date(flow.expiresAt).toISOString()} (emulated clock)`, expiresAt: new Date(flow.expiresAt).toISOString() } };
  const code = outcome as string;
  if (entry.stage === 'expire') {
    return { status: 200, body: { token, outcome: code, stage: entry.stage, redirect: null, expiresAt: new Date(flow.expiresAt).toISOString(), note: 'the user never finishes: nothing is recorded, and the flow ends in this outcome when the token expires' } };
  }
  const decided = await rt.state.faceIdFlows.decide(token, code, now, by);
  return { status: 200, body: { token, outcome: decided?.outcome ?? code, stage: entry.stage, redirect: decided ? redirectOf(decided) : null } };
}
