import { isAbsolute, join } from 'node:path';

/**
 * Where the certificate is kept unless --tls-dir says otherwise: the user's cache folder, so that it
 * survives reinstalls and is trusted once. XDG_CACHE_HOME counts only when absolute, as the XDG
 * base-directory specification says.
 */
export function defaultTlsDir(env: Record<string, string | undefined>, home: string): string {
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'idcard-mock');
}
