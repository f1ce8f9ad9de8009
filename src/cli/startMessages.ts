import type { Config } from '../config.ts';
import type { Certificate } from '../tls/ensureCertificate.ts';
import type { CoverageReport } from '../state/coverage.ts';

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

/**
 * What `start` prints at exit besides `stopped`: how much of the documented outcomes this run produced,
 * over every API, e.g. `idcard-mock: coverage 37/412 outcomes (9.0 %) over 7 APIs`. Nothing with --quiet.
 */
export function coverageLines(config: Config, report: CoverageReport): string[] {
  if (config.quiet) return [];
  const apis = Object.values(report);
  const covered = apis.reduce((n, a) => n + a.covered, 0);
  const total = apis.reduce((n, a) => n + a.total, 0);
  const percent = total ? (covered / total) * 100 : 100;
  return [`idcard-mock: coverage ${covered}/${total} outcomes (${percent.toFixed(1)} %) over ${apis.length} APIs`];
}

/** --watch: the data was loaded again after a change to these paths (stdout; nothing with --quiet). */
export function reloadedLines(config: Config, changed: string[]): string[] {
  return config.quiet ? [] : [`idcard-mock: reloaded the data after a change to ${changed.join(', ')}`];
}

/** --watch: what is wrong with the changed data, each problem naming its file (stderr, even with --quiet). */
export function rejectedLines(problems: string[]): string[] {
  return [...problems.map((p) => `idcard-mock: ${p}`), `idcard-mock: kept the last good data (${problems.length} problem(s) above); fix the file and save it again`];
}
