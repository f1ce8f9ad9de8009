import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadData } from '../src/data/loadData.ts';
import type { Catalog, CatalogEntry } from '../src/data/types.ts';

/**
 * Issue 19: an oracle for the error catalogs that is not schemas/ itself. test/catalog.test.ts checks that
 * the emulator serves what schemas/ says; this file checks schemas/ against the vendors' own lists, kept
 * as data in test/fixtures/vendor-examples/ (README.md there names each source):
 * - Tencent: the codes tencentcloud-sdk-go / tencentcloud-sdk-go-intl-en declare for each action
 *   (client.go doc comments) with their errors.go comment text (en from go-intl, zh from go), and the
 *   Cloud API 3.0 common error codes with their doc descriptions (tencent-error-codes.json);
 * - Huawei: the OCR error-code page, the API Gateway and ModelArts error pages it refers to
 *   (huawei-ocr-error-codes.json).
 * Every code of our catalog is in the vendor's list, every vendor code is in our catalog, and where the
 * source gives a message (and a status) ours is the same, whitespace and a trailing period aside; the
 * exceptions are the allowlists below, each with its reason, and each must still be needed.
 */
const root = new URL('../', import.meta.url);
const data = loadData(root.pathname);
const fixture = <T>(name: string): T => JSON.parse(readFileSync(new URL(`test/fixtures/vendor-examples/${name}`, root), 'utf8')) as T;

/** What a message compares as: whitespace collapsed, a trailing period (ASCII or 。) dropped. */
const norm = (s: string): string => s.replace(/\s+/g, ' ').trim().replace(/[.。]$/, '');

/** Every message a catalog entry can be answered with (its plain one and its variants'), with its status. */
const forms = (e: CatalogEntry): { en: string; zh: string; status?: number }[] =>
  [{ en: e.en, zh: e.zh, status: e.status }, ...Object.values(e.variants ?? {}).map((v) => ({ ...v, status: v.status ?? e.status }))];

/** A form of ours says `vendor`: equal once normalised, each {placeholder} of ours standing for any text. */
function says(ours: string, vendor: string): boolean {
  const pattern = norm(ours).split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+');
  return new RegExp(`^${pattern}$`).test(norm(vendor));
}

/** The findings of one comparison, each a line `<subject> <code> <what>`; `allowed` keys are `<subject> <code> <what>` too. */
type Findings = string[];

// ---------------------------------------------------------------------------------------------------
// Tencent
// ---------------------------------------------------------------------------------------------------

interface TencentFixture {
  common: { code: string; en: string; zh: string }[];
  services: Record<string, {
    actions: Record<string, Record<string, string[] | null>>;
    codes: Record<string, { zh: string | null; en: string | null }>;
  }>;
}
const tencent = fixture<TencentFixture>('tencent-error-codes.json');

/** Differences Tencent's lists allow us, each with its reason. */
const tencentAllowed = new Map<string, string>([
  // Per-action English texts: our en is tencentcloud-sdk-python-intl-en errorcodes.py's (schemas/tencent/ocr/IDCardOCR/errors.json
  // $comment); go-intl v3.0.1474 words these three differently and the intl doc page (IDCardOCR) words them a third way.
  // No source says which one the service sends, so ours stays.
  ['IDCardOCR FailedOperation.ImageSizeTooLarge en', 'py-intl errorcodes.py wording; go-intl: "…Refer to the image size constraints in the input parameter description."'],
  ['IDCardOCR FailedOperation.MultiCardError en', 'py-intl errorcodes.py wording; go-intl: "…Please upload an image with a single side or one front and one back side."'],
  ['IDCardOCR FailedOperation.OcrFailed en', 'py-intl errorcodes.py wording ("OCR recognition failed."); go-intl adds "This error may be caused by unstable network connections, …"'],
  // RecognizeValidIDCardOCR copies IDCardOCR's catalog (the same 19 codes in tencentcloud-sdk-go), so the same three wordings.
  ['RecognizeValidIDCardOCR FailedOperation.ImageSizeTooLarge en', 'as IDCardOCR: py-intl errorcodes.py wording'],
  ['RecognizeValidIDCardOCR FailedOperation.MultiCardError en', 'as IDCardOCR: py-intl errorcodes.py wording'],
  ['RecognizeValidIDCardOCR FailedOperation.OcrFailed en', 'as IDCardOCR: py-intl errorcodes.py wording'],
  // Common codes: the doc table gives descriptions, not the gateway's Message; schemas/tencent/errors.json keeps the
  // real Message strings quoted in public reports (sources in its $comment and in docs/codes.md).
  ['common AuthFailure.InvalidAuthorization en', 'real gateway Message (TencentCloud/tencentcloud-sdk-go#89), not the doc description'],
  ['common AuthFailure.SecretIdNotFound en', 'real gateway Message (TencentCloud/tencentcloud-sdk-nodejs#279)'],
  ['common AuthFailure.SignatureExpire en', 'real gateway Message (the Tencent curl debugging guide)'],
  ['common AuthFailure.SignatureFailure en', 'real gateway Message (error-code doc example; TencentCloud/tencentcloud-sdk-ruby#9)'],
  ['common AuthFailure.SignatureFailure zh', 'real gateway Message, Chinese form (error-code doc example)'],
  ['common InvalidAction en', 'real gateway Message (public C++ sample quoting real replies)'],
  ['common RequestLimitExceeded en', 'real gateway Message (cloud-barista/cb-spider#654)'],
  ['common RequestLimitExceeded zh', 'real gateway Message, Chinese form (SUSYUSTC/MathTranslate#21)'],
]);

/** Our catalog of one Tencent action against the SDKs' list for it and their errors.go texts. */
function tencentAction(service: string, action: string): Findings {
  const api = data.apis.get(`tencent:${action}`)!;
  const svc = tencent.services[service]!;
  const lists = Object.values(svc.actions[action] ?? {}).filter((l): l is string[] => l !== null);
  const vendor = new Set(lists.flat());
  const common = data.commonErrors.tencent!;
  const found: Findings = [];
  if (lists.length === 0) return [`${action} - has no SDK list in tencent-error-codes.json`];
  for (const code of Object.keys(api.errors)) if (!vendor.has(code)) found.push(`${action} ${code} is ours, not the SDKs'`);
  for (const code of vendor) if (!(code in api.errors) && !(code in common)) found.push(`${action} ${code} is the SDKs', not ours`);
  for (const [code, entry] of Object.entries(api.errors)) {
    const text = svc.codes[code];
    for (const lang of ['en', 'zh'] as const) {
      const theirs = text?.[lang];
      if (theirs && !forms(entry).some((f) => says(f[lang], theirs))) found.push(`${action} ${code} ${lang}`);
    }
  }
  return found;
}

/** Our common Tencent catalog against the Cloud API 3.0 common error codes. */
function tencentCommon(): Findings {
  const ours = data.commonErrors.tencent!;
  const vendor = new Map(tencent.common.map((c) => [c.code, c]));
  const found: Findings = [];
  for (const code of Object.keys(ours)) if (!vendor.has(code)) found.push(`common ${code} is ours, not the doc's`);
  for (const [code, theirs] of vendor) {
    const entry = ours[code];
    if (!entry) { found.push(`common ${code} is the doc's, not ours`); continue; }
    for (const lang of ['en', 'zh'] as const) if (!forms(entry).some((f) => says(f[lang], theirs[lang].replace(/`/g, '')) || says(f[lang], theirs[lang]))) found.push(`common ${code} ${lang}`);
  }
  return found;
}

const tencentActions = Object.entries(tencent.services).flatMap(([service, s]) => Object.keys(s.actions).map((action) => [service, action] as const));

// ---------------------------------------------------------------------------------------------------
// Huawei
// ---------------------------------------------------------------------------------------------------

interface HuaweiFixture { sources: Record<string, { rows: { code: string; en?: string; zh?: string; status?: number }[] }> }
const huawei = fixture<HuaweiFixture>('huawei-ocr-error-codes.json');

/** The Huawei OCR APIs of the data: the error page is one for all of them. */
const huaweiOcrActions = [...data.apis.values()].filter((a) => a.meta.provider === 'huawei' && a.meta.service === 'ocr').map((a) => a.meta.action);

const huaweiAllowed = new Map<string, string>([
  ...huaweiOcrActions.flatMap((action) => [
    [`${action} AIS.0117 is the vendor's, not ours`, 'the error page lists it for the classifier/template APIs only, not ID or bank card OCR'],
    [`${action} AIS.0118 is the vendor's, not ours`, 'invoice verification only'],
    [`${action} AIS.0119 is the vendor's, not ours`, 'template OCR only'],
    [`${action} AIS.0120 is the vendor's, not ours`, 'classifier only'],
    [`${action} AIS.0121 is the vendor's, not ours`, 'template OCR only'],
  ] as const),
  ['RecognizeBankcard AIS.0122 is the vendor\'s, not ours', 'two ID cards of the same side: ID card OCR only'],
  ['RecognizePassport AIS.0122 is the vendor\'s, not ours', 'two ID cards of the same side: ID card OCR only'],
]);

/** The Huawei catalog an OCR call can answer (the provider's common codes and the API's own) against the vendor's pages. */
function huaweiOcr(action: string): Findings {
  const ours: Catalog = { ...data.commonErrors.huawei, ...data.apis.get(`huawei:${action}`)!.errors };
  const rows = Object.values(huawei.sources).flatMap((s) => s.rows);
  const vendor = new Set(rows.map((r) => r.code));
  const found: Findings = [];
  for (const code of Object.keys(ours)) if (!vendor.has(code)) found.push(`${action} ${code} is ours, not the vendor's`);
  for (const code of vendor) if (!(code in ours)) found.push(`${action} ${code} is the vendor's, not ours`);
  // English only: the pages' Chinese column is a description (说明), not the error_msg the service sends.
  for (const r of rows) {
    const entry = ours[r.code];
    if (!entry || r.en === undefined) continue;
    const matching = forms(entry).filter((f) => says(f.en, r.en!));
    if (matching.length === 0) found.push(`${action} ${r.code} en ${JSON.stringify(r.en)}`);
    else if (r.status !== undefined && !matching.some((f) => f.status === r.status)) found.push(`${action} ${r.code} status ${r.status} for ${JSON.stringify(r.en)}`);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------

/** APIs with no vendor list in the fixtures, each with its reason: a new API fails here until it has one or a reason. */
const noVendorList = new Map<string, string>([
  ['huawei:KeystoneCreateUserTokenByPassword', 'IAM.<status> codes come from the IAM API page\'s status table (schemas/.../errors.json $comment); no code list to copy'],
  ['huawei:KeystoneListProjects', 'as above: IAM API page, status 400 only'],
  ['alibaba:RecognizeIdcard', 'the api-docs.json metadata (alibaba-ocr-api.json) lists no errorCodes for it; the catalog comes from the product\'s error-code web page'],
  ['alibaba:Id2MetaVerify', 'the api-docs.json metadata (alibaba-cloudauth.json) lists no errorCodes for it; the catalog comes from the API page\'s 返回码 table'],
]);
const covered = new Set([...tencentActions.map(([, a]) => `tencent:${a}`), ...huaweiOcrActions.map((a) => `huawei:${a}`)]);

const unexplained = (found: Findings, allowed: Map<string, string>): Findings =>
  found.filter((f) => ![...allowed.keys()].some((k) => f === k || f.startsWith(`${k} `)));

describe('our error catalogs against the vendors\' own lists', () => {
  it.each(tencentActions)('Tencent %s %s: codes and texts as tencentcloud-sdk-go declares them', (service, action) => {
    expect(unexplained(tencentAction(service, action), tencentAllowed)).toEqual([]);
  });

  it('Tencent common codes: the Cloud API 3.0 common error codes', () => {
    expect(unexplained(tencentCommon(), tencentAllowed)).toEqual([]);
  });

  it.each(huaweiOcrActions)('Huawei %s and the common codes: the OCR error page and the pages it refers to', (action) => {
    expect(unexplained(huaweiOcr(action), huaweiAllowed)).toEqual([]);
  });

  it('every API of the data is compared, or says why not', () => {
    expect([...data.apis.keys()].filter((k) => !covered.has(k) && !noVendorList.has(k))).toEqual([]);
    expect([...noVendorList.keys()].filter((k) => !data.apis.has(k))).toEqual([]);
  });

  it('every allowlist entry is still needed', () => {
    const found = [...tencentActions.flatMap(([s, a]) => tencentAction(s, a)), ...tencentCommon(), ...huaweiOcrActions.flatMap(huaweiOcr)];
    const stale = [...tencentAllowed.keys(), ...huaweiAllowed.keys()].filter((k) => !found.some((f) => f === k || f.startsWith(`${k} `)));
    expect(stale).toEqual([]);
  });
});
