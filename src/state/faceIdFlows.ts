/**
 * One hosted verification: started by an API that issues a token (action.json `flow`), finished on the
 * emulator's page or through the control plane, read back by the result APIs. A plain JSON record, so
 * that a store outside the process can hold it; times are the emulator's clock in milliseconds.
 */
export interface FaceIdFlow {
  token: string;
  /** The provider and the API whose results.json lists the outcomes (action.json `flow.outcomesOf`). */
  provider: string;
  outcomesOf: string;
  /** The business rule the token was issued under; the result APIs must name the same one. */
  ruleId: string;
  /** Where the page sends the browser when the user finishes (with the token as a query parameter). */
  redirectUrl?: string;
  /** The query parameter that carries the token back to redirectUrl. */
  redirectParameter: string;
  /** Passed through to the result. */
  extra: string;
  /** The person verified: the name and ID number the caller gave, or the one the page "read" from the card. */
  person: { name: string; idNum: string };
  /** What the page read from the card (OCR) when the caller gave no name and ID number; absent otherwise. */
  card?: { sex: string; nation: string; address: string; birth: string; authority: string; validDate: string };
  startedAt: number;
  /** After this the page refuses the token and an unfinished flow ends in the `expire` outcome. */
  expiresAt: number;
  /** After this the results are gone: the result APIs answer the provider's "expired" error. */
  keepUntil: number;
  /** The outcome code chosen (results.json of `outcomesOf`), when and by whom. */
  outcome?: string;
  decidedAt?: number;
  decidedBy?: 'page' | 'control' | 'scenario';
}

/**
 * The hosted flows by token. Every method is async: the same interface is kept by a store outside the
 * process (the records are JSON-serialisable and hold nothing else). Records past `keepUntil` are
 * dropped on the next `start`, so a long run does not keep them for ever.
 */
export class FaceIdFlows implements FaceIdFlowStore {
  private readonly flows = new Map<string, FaceIdFlow>();

  async start(flow: FaceIdFlow): Promise<void> {
    for (const [token, f] of this.flows) if (f.keepUntil < flow.startedAt) this.flows.delete(token);
    this.flows.set(flow.token, structuredClone(flow));
  }

  async find(token: string): Promise<FaceIdFlow | undefined> {
    const f = this.flows.get(token);
    return f && structuredClone(f);
  }

  /** Records the outcome of an unfinished flow; a flow already decided keeps its first outcome. Returns the flow as it now is. */
  async decide(token: string, outcome: string, at: number, by: NonNullable<FaceIdFlow['decidedBy']>): Promise<FaceIdFlow | undefined> {
    const f = this.flows.get(token);
    if (!f) return undefined;
    if (f.outcome === undefined) Object.assign(f, { outcome, decidedAt: at, decidedBy: by });
    return structuredClone(f);
  }

  async reset(): Promise<void> {
    this.flows.clear();
  }
}

export interface FaceIdFlowStore {
  /** Keeps a new flow (and forgets those whose results have expired by its start). */
  start(flow: FaceIdFlow): Promise<void>;
  find(token: string): Promise<FaceIdFlow | undefined>;
  /** Records the outcome of an unfinished flow, once across replicas: a flow already decided keeps its first outcome. The flow as it now is. */
  decide(token: string, outcome: string, at: number, by: NonNullable<FaceIdFlow['decidedBy']>): Promise<FaceIdFlow | undefined>;
  reset(): Promise<void>;
}
