import type { Config } from '../config.ts';
import type { Certificate } from '../tls/ensureCertificate.ts';

/**
 * What `start` prints once it listens: the banner, exactly `idcard-mock listening on http://HOST:PORT`
 * (scripts and tests wait for it), then where the certificate is under --tls. Nothing with --quiet.
 */
export function listeningLines(config: Config, port: number, certificate: Certificate | undefined): string[] {
  if (config.quiet) return [];
  // An IPv6 host goes in brackets, so that the banner is a URL a client can use.
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const lines = [`idcard-mock listening on ${certificate ? 'https' : 'http'}://${host}:${port}`];
  if (certificate) {
    lines.push(`idcard-mock: TLS certificate ${certificate.certPath} (${certificate.generated ? 'made now' : 'reused'}; self-signed for localhost, 127.0.0.1 and ::1; clients must trust it, e.g. NODE_EXTRA_CA_CERTS=${certificate.certPath})`);
  }
  return lines;
}

/** What `start` prints when a signal has stopped it. */
export function stoppedLines(config: Config): string[] {
  return config.quiet ? [] : ['idcard-mock: stopped'];
}
