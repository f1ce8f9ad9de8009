import type { ApiDefinition, CatalogEntry } from '../../src/data/types.ts';

/**
 * What a vendor's client received, read from the answer as the vendor documents it, not from the emulator's
 * journal or code: the error code it was given, or the warnings and the business result of a normal answer.
 * This is the test's own reading of each answer's shape (the vendors' API pages and SDK models named
 * below), so an emulator that put a warning in the wrong place fails.
 */
export type ClientOutcome = { error: string } | { warnings: string[]; result?: string };

type Answer = Record<string, unknown>;
const parsed = (v: unknown): Answer => (typeof v === 'string' ? JSON.parse(v) as Answer : (v ?? {}) as Answer);
const raised = (o: unknown, isRaised: (v: unknown) => boolean = (v) => v === 1): string[] =>
  Object.entries((o ?? {}) as Answer).filter(([, v]) => isRaised(v)).map(([k]) => k);

/**
 * The warnings each API reports, where it reports them. An API missing here reports none: a warning case
 * of it fails, so a new API with warnings gets its entry.
 */
const WARNINGS: Record<string, (a: Answer) => string[]> = {
  // IDCardOCRResponse.AdvancedInfo: JSON text whose WarnInfos lists the codes (tencentcloud-sdk-nodejs ocr_models.d.ts).
  'tencent:IDCardOCR': (a) => ((parsed(a.AdvancedInfo).WarnInfos ?? []) as number[]).map(String),
  // RecognizeMacaoIDCardOCRResponse.WarnCardInfos.
  'tencent:RecognizeMacaoIDCardOCR': (a) => ((a.WarnCardInfos ?? []) as number[]).map(String),
  // BankCardOCRResponse.WarningCode.
  'tencent:BankCardOCR': (a) => ((a.WarningCode ?? []) as number[]).map(String),
  // The card's WarnInfos (BorderCheck … ElectronCheck: 1 = found) and its ContentInfo fields' IsReflect / IsInComplete.
  'tencent:RecognizeValidIDCardOCR': (a) => {
    const card = Object.values(a).find((v) => typeof v === 'object' && v !== null && 'WarnInfos' in v) as Answer | undefined;
    const fields = Object.values(card ?? {}).filter((v): v is Answer => typeof v === 'object' && v !== null && 'Content' in v);
    return [...raised(card?.WarnInfos), ...['IsReflect', 'IsInComplete'].filter((k) => fields.some((f) => f[k] === 1))];
  },
  // IdCardOCRVerificationResponse.Warnings and CheckIdCardInformationResponse.Warnings: codes joined by '|'.
  'tencent:IdCardOCRVerification': (a) => String(a.Warnings ?? '').split('|').filter(Boolean),
  'tencent:CheckIdCardInformation': (a) => String(a.Warnings ?? '').split('|').filter(Boolean),
  // IdcardResult.detect_<alarm>_result: true = the problem was found (huaweicloudsdkocr idcard_front_result.py).
  'huawei:RecognizeIdCard': (a) => Object.entries(parsed(a.result)).filter(([k, v]) => /^detect_.+_result$/.test(k) && v === true).map(([k]) => k.slice('detect_'.length, -'_result'.length)),
  // Data.data.<side>.warning: isCopy / isReshoot 1, and the scores against 60, the threshold the API page suggests for tampering.
  'alibaba:RecognizeIdcard': (a) => {
    const sides = Object.values(parsed(parsed(a.data).data)) as Answer[];
    const w = (sides.find((s) => s?.warning)?.warning ?? {}) as Record<string, number>;
    return [
      ...(w.isCopy === 1 ? ['copy'] : []), ...(w.isReshoot === 1 ? ['reshoot'] : []),
      ...((w.tamperScore ?? 0) >= 60 ? ['tamper'] : []),
      ...((w.qualityScore ?? 100) < 60 ? ['quality'] : []), ...((w.completenessScore ?? 100) < 60 ? ['completeness'] : []),
    ];
  },
};

/** The value at a dot path, a JSON-text step parsed (results.json `field`: GetDetectInfo's `DetectInfo.Text.ErrCode`). */
export const valueAt = (body: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (parsed(o) as Answer | undefined)?.[k], body);

/** The warnings and result code of a normal answer. */
export function answered(api: ApiDefinition, answer: Answer): ClientOutcome {
  const key = `${api.meta.provider}:${api.meta.action}`;
  const warnings = (WARNINGS[key]?.(answer) ?? []).sort();
  if (!Object.keys(api.results.results).length) return { warnings };
  // Alibaba cloudauth: ResultObject.BizCode; Tencent: Result, or a hosted flow's Text.ErrCode.
  const result = api.meta.provider === 'alibaba' ? (answer.resultObject as Answer | undefined)?.bizCode : valueAt(answer, api.results.field ?? 'Result');
  return { warnings, result: result === undefined || result === null ? undefined : String(result) };
}

/** The message a scenario-chosen error carries: the catalog's, its placeholders filled from its `vars`. */
export const catalogMessage = (e: CatalogEntry, lang: 'en' | 'zh'): string => e[lang].replace(/\{(\w+)\}/g, (m, k: string) => e.vars?.[k] ?? m);
