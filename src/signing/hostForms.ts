import { timingSafeEqual } from 'node:crypto';

/** The Host header as sent, and without its port: some SDKs sign one, some the other. */
export function hostForms(host: string): string[] {
  const bare = host.replace(/:\d+$/, '');
  return bare === host ? [host] : [host, bare];
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
