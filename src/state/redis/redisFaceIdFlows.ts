import type { Redis } from 'ioredis';
import type { FaceIdFlow, FaceIdFlowStore } from '../faceIdFlows.ts';
import type { sealedRegister } from './sealedRegister.ts';

/**
 * The hosted flows in Redis. A flow names a person (name, ID number, the card read): its record is
 * sealed like the register's names (AES-256-GCM under a key derived from the token and the store's
 * secret), so Redis holds no one's data in the clear. The outcome is a key of its own, set with NX: the
 * first decision wins whichever replica took it (the page on one, the control plane on another).
 * Both keys expire with the flow's results (keepUntil), a day after on Redis's own clock at the latest.
 */
export function redisFaceIdFlows(db: () => Redis, prefix: string, seal: ReturnType<typeof sealedRegister>, guard: <T>(c: () => Promise<T>) => Promise<T>, deleteMatching: (pattern: string) => Promise<void>): FaceIdFlowStore {
  const record = (token: string): string => `${prefix}flow:${token}`;
  const outcome = (token: string): string => `${prefix}flow-outcome:${token}`;
  const ttlMs = (f: FaceIdFlow): number => Math.max(f.keepUntil - f.startedAt, 0) + 86_400_000;
  const read = async (token: string): Promise<FaceIdFlow | undefined> => {
    const [sealed, decided] = await Promise.all([db().get(record(token)), db().get(outcome(token))]);
    const text = sealed === null ? undefined : seal.open(`flow:${token}`, sealed);
    if (text === undefined) return undefined;
    const flow = JSON.parse(text) as FaceIdFlow;
    return decided === null ? flow : { ...flow, ...(JSON.parse(decided) as Pick<FaceIdFlow, 'outcome' | 'decidedAt' | 'decidedBy'>) };
  };
  return {
    start: (flow) => guard(async () => { await db().set(record(flow.token), seal.name(`flow:${flow.token}`, JSON.stringify(flow)), 'PX', ttlMs(flow)); }),
    find: (token) => guard(() => read(token)),
    decide: (token, value, at, by) => guard(async () => {
      const flow = await read(token);
      if (!flow) return undefined;
      await db().set(outcome(token), JSON.stringify({ outcome: value, decidedAt: at, decidedBy: by }), 'PX', ttlMs(flow), 'NX');
      return read(token);
    }),
    reset: () => Promise.all([deleteMatching(`${prefix}flow:*`), deleteMatching(`${prefix}flow-outcome:*`)]).then(() => undefined),
  };
}
