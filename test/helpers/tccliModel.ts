import type { ModelSide, VendorModel, VendorType } from './vendorModel.ts';

interface TccliMember { name: string; type: string; member: string; required?: boolean; output_required?: boolean }
export interface TccliApi {
  actions: Record<string, { input: string; output: string }>;
  objects: Record<string, { members: TccliMember[] }>;
}

// tccli api.json's scalar names (tencentcloud-cli tccli/services/*/v*/api.json `type` and `member`).
const scalars: Record<string, VendorType> = {
  string: { kind: 'string' }, bool: { kind: 'boolean' },
  int64: { kind: 'integer' }, uint64: { kind: 'integer' }, int: { kind: 'integer' },
  float: { kind: 'float' }, double: { kind: 'float' },
};

/**
 * One model of a tccli api.json (`objects[name].members`), nested models resolved. A request member is
 * required when `required` says so, a response member when `output_required` does; RequestId has neither.
 */
export function tccliModel(api: TccliApi, file: string, name: string, side: ModelSide): VendorModel {
  const object = api.objects[name];
  if (!object) throw new Error(`${file} has no object ${name}: copy it from the same tccli api.json (test/fixtures/vendor-examples/README.md)`);
  const typeOf = (m: TccliMember, t: string): VendorType => {
    if (t === 'list') return { kind: 'array', items: typeOf(m, m.member) };
    const scalar = scalars[t];
    if (scalar) return scalar;
    // Models are PascalCase (`member` of an `object` or `list`); a lower-case name is a scalar we do not map yet.
    const model = t === 'object' ? m.member : t;
    if (!/^[A-Z]/.test(model)) throw new Error(`${file} ${name}.${m.name}: unknown tccli type ${t}`);
    return { kind: 'object', name: model, fields: tccliModel(api, file, model, side) };
  };
  return new Map(object.members.map((m) => [m.name, {
    type: typeOf(m, m.type),
    required: side === 'request' ? m.required : m.output_required,
  }]));
}
