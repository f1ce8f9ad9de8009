import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';

/** What an IAM token was issued for (IAM 获取IAM用户Token（使用密码）). */
export interface IssuedToken {
  token: string;
  issuedAt: number;
  expiresAt: number;
  user: { id: string; name: string; domain: { id: string; name: string } };
  /** Project scope; absent for a domain-scoped token (which OCR refuses: ModelArts.0212). */
  project?: { id: string; name: string };
}

/** How many issued tokens are remembered (the most recent), as the journal remembers its last requests: each one costs about 1 KB. */
export const MAX_TOKENS = 1000;

/** A new token: real tokens are long base64 PKI blobs starting `MII`; the value only has to be unguessable. */
export function newToken(now: number, lifetimeMs: number, who: Omit<IssuedToken, 'token' | 'issuedAt' | 'expiresAt'>): IssuedToken {
  return { ...who, token: `MII${randomBytes(96).toString('base64')}`, issuedAt: now, expiresAt: now + lifetimeMs };
}

/** The IAM tokens the emulator issued; X-Auth-Token is looked up here. */
export class TokenStore implements TokenStoreContract {
  /** Looked up with `peek`: a token in use does not outlive newer ones, the store keeps the last issued. */
  private readonly tokens = new LRUCache<string, IssuedToken>({ max: MAX_TOKENS });

  issue(now: number, lifetimeMs: number, who: Omit<IssuedToken, 'token' | 'issuedAt' | 'expiresAt'>): Promise<IssuedToken> {
    const issued = newToken(now, lifetimeMs, who);
    this.tokens.set(issued.token, issued);
    return Promise.resolve(issued);
  }

  find(token: string): Promise<IssuedToken | undefined> {
    return Promise.resolve(this.tokens.peek(token));
  }

  reset(): Promise<void> {
    this.tokens.clear();
    return Promise.resolve();
  }
}

export interface TokenStoreContract {
  /** `lifetimeMs`: the provider's token lifetime (huawei provider.json `limits.tokenLifetimeSeconds`). */
  issue(now: number, lifetimeMs: number, who: Omit<IssuedToken, 'token' | 'issuedAt' | 'expiresAt'>): Promise<IssuedToken>;
  find(token: string): Promise<IssuedToken | undefined>;
  reset(): Promise<void>;
}
