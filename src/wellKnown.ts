// A module of its own with no imports, so that the CommonJS entry (src/index.cts) can require() it
// without loading the emulator.

/** Well-known credentials, always accepted with a full signature check (written in the README). */
export const WELL_KNOWN = {
  tencent: { secretId: 'AKIDMOCKEXAMPLE000000000000000000000', secretKey: 'MOCKSECRETKEYEXAMPLE000000000000' },
  huawei: { ak: 'MOCKAKEXAMPLE0000000', sk: 'MOCKSKEXAMPLE000000000000000000000000000', user: 'mock-user', password: 'MockPassword0000' },
} as const;
