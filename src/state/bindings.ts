import type { Outcome } from '../data/types.ts';

/** What a caller is bound to (PUT /__mock/bindings/{credential}), or the server-wide active scenario. */
export interface Binding {
  /** Set when stored: counters of an older binding do not carry over to a new one. */
  id: number;
  /** One or more scenario names, comma-separated. */
  scenario?: string;
  steps?: Outcome[];
  times?: number;
  repeatLast?: boolean;
}

/** What a binding or the active scenario is made of, as the admin API takes it. */
export type BindingSpec = Omit<Binding, 'id'>;

/**
 * Per-caller bindings (a Tencent SecretId, a Huawei AK, an IAM token's user@project → a scenario or
 * a sequence) and the server-wide active scenario. Each stored binding gets a new id, so its `times`
 * and sequence position start afresh (counters are keyed by it).
 */
export class Bindings implements BindingStore {
  private readonly byCaller = new Map<string, Binding>();
  private activeBinding: Binding | undefined;
  private nextId = 1;

  bind(caller: string, spec: BindingSpec): Promise<Binding> {
    const b = { ...spec, id: this.nextId++ };
    this.byCaller.set(caller, b);
    return Promise.resolve(b);
  }

  unbind(caller: string): Promise<boolean> {
    return Promise.resolve(this.byCaller.delete(caller));
  }

  of(caller: string): Promise<Binding | undefined> {
    return Promise.resolve(this.byCaller.get(caller));
  }

  all(): Promise<Record<string, Binding>> {
    return Promise.resolve(Object.fromEntries(this.byCaller));
  }

  forCaller(caller: string): Promise<{ binding?: Binding; active?: Binding }> {
    return Promise.resolve({ binding: this.byCaller.get(caller), active: this.activeBinding });
  }

  setActive(spec: BindingSpec | undefined): Promise<Binding | undefined> {
    this.activeBinding = spec ? { ...spec, id: this.nextId++ } : undefined;
    return Promise.resolve(this.activeBinding);
  }

  active(): Promise<Binding | undefined> {
    return Promise.resolve(this.activeBinding);
  }

  reset(): Promise<void> {
    this.byCaller.clear();
    this.activeBinding = undefined;
    return Promise.resolve();
  }
}

export interface BindingStore {
  bind(caller: string, spec: BindingSpec): Promise<Binding>;
  unbind(caller: string): Promise<boolean>;
  of(caller: string): Promise<Binding | undefined>;
  all(): Promise<Record<string, Binding>>;
  /** The caller's binding and the active scenario, in one read (what every request needs). */
  forCaller(caller: string): Promise<{ binding?: Binding; active?: Binding }>;
  setActive(spec: BindingSpec | undefined): Promise<Binding | undefined>;
  active(): Promise<Binding | undefined>;
  reset(): Promise<void>;
}
