import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/**
 * How the identity register is kept in Redis without the people in it: personal data never leaves the
 * process in a form that can be rebuilt, and Redis is outside the process. An ID number is stored as
 * an HMAC (the field), the name on record for it encrypted (AES-256-GCM) under a key derived from that
 * ID number; a daily count's value (`Name:…`, `IdCard:…`) is an HMAC too. The HMAC key is derived from
 * the state URL (its password included) and the prefix, which every replica of one emulator shares and
 * a copy of the Redis data does not hold: without it, neither an ID number nor a name can be tried
 * against the store. Only a request that brings the ID number finds (and can decrypt) its name.
 */
export function sealedRegister(secret: string): { field(value: string): string; name(idNum: string, name: string): string; open(idNum: string, sealed: string): string | undefined } {
  const key = createHmac('sha256', 'idcard-mock register').update(secret).digest();
  const mac = (label: string, value: string): Buffer => createHmac('sha256', key).update(`${label}\0${value}`).digest();
  // The same people come back again and again (CI suites send the same fixtures): each one is sealed once.
  // A pure cache of derived values: the same input gives an equally valid output on every replica.
  const fields = new LRUCache<string, string>({ max: 4096 });
  const sealed = new LRUCache<string, string>({ max: 4096 });
  return {
    field: (value) => {
      let f = fields.get(value);
      if (f === undefined) fields.set(value, (f = mac('field', value).toString('base64url')));
      return f;
    },
    name: (idNum, name) => {
      const known = sealed.get(`${idNum}\0${name}`);
      if (known !== undefined) return known;
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', mac('name', idNum), iv);
      const body = Buffer.concat([cipher.update(name, 'utf8'), cipher.final()]);
      const text = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
      sealed.set(`${idNum}\0${name}`, text);
      return text;
    },
    open: (idNum, sealed) => {
      try {
        const raw = Buffer.from(sealed, 'base64url');
        const decipher = createDecipheriv('aes-256-gcm', mac('name', idNum), raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        // Sealed under another secret (another URL or prefix wrote it): not on record for this emulator.
        return undefined;
      }
    },
  };
}
