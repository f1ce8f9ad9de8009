import { chooseScenarios, type ChosenScenario, type CounterReader, type ScenarioRequest } from './chooseScenarios.ts';
import type { CounterStore, CounterTake } from '../state/counters.ts';

/** How often a choice is made again when other requests keep taking the same counters first; far more than replicas ever race. */
const MAX_ATTEMPTS = 100;

/**
 * Chooses the scenario (chooseScenarios, a pure function) and takes the counters it uses up, as one
 * step across every replica: the choice is made on the counters' values as read, and the take succeeds
 * only if none has moved since (CounterStore.take); else the choice is made again on fresh values. So
 * a sequence step or a `times` budget is played exactly once, whichever replica a request lands on.
 * Counters the choice reads are fetched as it asks for them; a choice that reads none (no binding, no
 * `times`, no `steps`: nearly every request) costs no read at all.
 */
export async function takeScenario(counters: CounterStore, req: ScenarioRequest): Promise<ChosenScenario> {
  // Made only when a choice reads a counter: most never do.
  let known: Map<string, number> | undefined;
  let missing: string[] | undefined;
  const used: CounterReader = (key) => {
    const v = known?.get(key);
    if (v === undefined) (missing ??= []).push(key);
    return v ?? 0;
  };
  for (let attempt = 1; ; attempt++) {
    missing = undefined;
    const chosen = chooseScenarios(req, used);
    if (missing) {
      const keys: string[] = missing;
      const values = await counters.read(keys);
      known ??= new Map();
      keys.forEach((key, i) => known!.set(key, values[i]!));
      continue;
    }
    if (!chosen.consume.length) return chosen;
    const takes = new Map<string, CounterTake>();
    for (const key of chosen.consume) {
      const t = takes.get(key) ?? takes.set(key, { key, was: known!.get(key)!, by: 0 }).get(key)!;
      t.by += 1;
    }
    if (await counters.take([...takes.values()])) return chosen;
    if (attempt >= MAX_ATTEMPTS) throw new Error(`scenario counters kept changing under ${MAX_ATTEMPTS} attempts to take them`);
    known = undefined;
  }
}
