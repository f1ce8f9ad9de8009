/**
 * A request or response model as one vendor source declares it (tccli api.json, an SDK's models), in
 * JSON terms. `number` is what an SDK's `number` says: integer or float, it cannot tell which.
 */
export type VendorType =
  | { kind: 'string' | 'boolean' | 'integer' | 'float' | 'number' }
  | { kind: 'array'; items: VendorType }
  | { kind: 'object'; name: string; fields: VendorModel };

/** `required` is undefined where the source does not say (SDK responses mark every field optional). */
export interface VendorField { type: VendorType; required?: boolean }

export type VendorModel = Map<string, VendorField>;

/** A model and who declares it, e.g. `tccli-ocr-api.json` or `tencentcloud-sdk-nodejs ocr_models.d.ts`. */
export interface VendorSource { source: string; model: VendorModel }

export type ModelSide = 'request' | 'response';

export const describeType = (t: VendorType): string =>
  t.kind === 'array' ? `${describeType(t.items)}[]` : t.kind === 'object' ? t.name : t.kind;
