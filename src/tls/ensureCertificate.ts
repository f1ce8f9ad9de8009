import { createPrivateKey, randomBytes, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** The emulator's self-signed certificate and its key (PEM), and where they are kept. */
export interface Certificate { key: string; cert: string; certPath: string; keyPath: string; generated: boolean }

/** The names the certificate is valid for: what the SDKs are pointed at on this machine. */
const CERTIFICATE_NAMES = { dns: ['localhost'], ip: ['127.0.0.1', '::1'] } as const;

const DAY = 24 * 60 * 60 * 1000;
// 825 days is the longest validity macOS accepts for a TLS server certificate, even a locally trusted one.
const VALIDITY_DAYS = 825;
// A certificate this close to expiring is replaced, so that a long test run never sees it expire.
const RENEW_BEFORE_DAYS = 7;

/**
 * The certificate kept in `dir` (cert.pem, key.pem), made on first use and made again when it is
 * missing, expiring, unreadable or not for 127.0.0.1 and localhost. Users trust cert.pem once
 * (NODE_EXTRA_CA_CERTS, a client's CA option), so an existing good one is always reused.
 */
export async function ensureCertificate(dir: string, now: Date = new Date()): Promise<Certificate> {
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  const existing = readUsable(certPath, keyPath, now);
  if (existing) return { ...existing, certPath, keyPath, generated: false };

  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Two emulators started at once on an empty folder both generate; their renames may interleave and
  // leave one's key beside the other's certificate. Reading back what is on disk and trying again
  // when it does not pair up ends with both using the same good pair.
  for (let attempt = 0; attempt < 3; attempt++) {
    const made = await makeCertificate(now);
    const tmp = `.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(keyPath + tmp, made.key, { mode: 0o600 });
    writeFileSync(certPath + tmp, made.cert);
    renameSync(keyPath + tmp, keyPath);
    renameSync(certPath + tmp, certPath);
    const onDisk = readUsable(certPath, keyPath, now);
    if (onDisk) return { ...onDisk, certPath, keyPath, generated: true };
  }
  throw new Error(`cannot keep a matching certificate and key in ${dir}: another program keeps replacing them`);
}

async function makeCertificate(now: Date): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: 'idcard-mock local emulator' }], {
    // EC P-256 is generated in milliseconds (RSA 2048 takes far longer) and every SDK's TLS stack accepts it.
    keyType: 'ec',
    algorithm: 'sha256',
    // An hour back, so that a client whose clock runs a little behind still accepts it.
    notBeforeDate: new Date(now.getTime() - 60 * 60 * 1000),
    notAfterDate: new Date(now.getTime() + VALIDITY_DAYS * DAY),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [...CERTIFICATE_NAMES.dns.map((value) => ({ type: 2 as const, value })), ...CERTIFICATE_NAMES.ip.map((ip) => ({ type: 7 as const, ip }))],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

/** The pair in the files, when it is readable, matches, covers our names and is valid for a while yet. */
function readUsable(certPath: string, keyPath: string, now: Date): { key: string; cert: string } | undefined {
  try {
    const cert = readFileSync(certPath, 'utf8');
    const key = readFileSync(keyPath, 'utf8');
    const x509 = new X509Certificate(cert);
    const fresh = new Date(x509.validFrom) <= now && new Date(x509.validTo).getTime() - now.getTime() > RENEW_BEFORE_DAYS * DAY;
    const names = CERTIFICATE_NAMES.dns.every((n) => x509.checkHost(n)) && CERTIFICATE_NAMES.ip.every((ip) => x509.checkIP(ip));
    return fresh && names && x509.checkPrivateKey(createPrivateKey(key)) ? { key, cert } : undefined;
  } catch {
    return undefined;
  }
}
