import type { IncomingHttpHeaders } from 'node:http';
import type { DataSet } from '../data/types.ts';

/** A front door's recognition rule, compiled: every condition must hold. */
export interface Door<P> {
  provider: P;
  path: RegExp;
  headers: [string, RegExp][];
  host?: RegExp;
  /** How many conditions it has: the most specific door that matches answers. */
  weight: number;
}

/** Each provider's provider.json `match`, most specific first. */
export function doorsOf<P extends { name: string }>(providers: readonly P[], data: DataSet): Door<P>[] {
  return providers.map((provider) => {
    const m = data.providers[provider.name]!.match;
    const headers = Object.entries(m.headers ?? {}).map(([name, re]): [string, RegExp] => [name.toLowerCase(), new RegExp(re)]);
    return { provider, path: new RegExp(m.path), headers, host: m.host === undefined ? undefined : new RegExp(m.host), weight: 1 + headers.length + (m.host === undefined ? 0 : 1) };
  }).sort((a, b) => b.weight - a.weight);
}

/**
 * The door whose every condition holds, the most specific first: a `POST /` with `x-acs-action` is
 * the provider that declares that header, a bare `POST /` the one that declares the path alone.
 * Without headers (a request head the parser refused) only the path is looked at, and a door with
 * header conditions never matches.
 */
export function matchProvider<P>(doors: readonly Door<P>[], path: string, headers?: IncomingHttpHeaders): Door<P> | undefined {
  return doors.find((d) => d.path.test(path)
    && d.headers.every(([name, re]) => { const v = headers?.[name]; return typeof v === 'string' && re.test(v); })
    && (d.host === undefined || d.host.test(String(headers?.host ?? ''))));
}
