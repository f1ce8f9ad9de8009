import ts from 'typescript';
import { readFileSync } from 'node:fs';
import type { ModelSide, VendorModel, VendorType } from './vendorModel.ts';

/** `optional` is undefined where the SDK does not say (the intl JS models). */
interface Member { name: string; type: ts.TypeNode | undefined; optional?: boolean }

const parsed = new Map<string, ts.SourceFile>();
const sourceFile = (path: string): ts.SourceFile => {
  let file = parsed.get(path);
  if (!file) {
    const kind = path.endsWith('.d.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
    file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, kind);
    parsed.set(path, file);
  }
  return file;
};

/**
 * The members of model `name`: an `export interface` of a tencentcloud-sdk-nodejs `<service>_models.d.ts`,
 * or a class of a tencentcloud-sdk-nodejs-intl-en `models.js`, whose constructor sets `this.X = null`
 * under a JSDoc `@type {string || null}` (TypeScript reads that type as `string`).
 */
function members(file: ts.SourceFile, name: string): Member[] | undefined {
  for (const node of file.statements) {
    if (ts.isInterfaceDeclaration(node) && node.name.text === name) {
      return node.members.filter(ts.isPropertySignature).map((p) => ({
        name: p.name.getText(file), type: p.type, optional: p.questionToken !== undefined,
      }));
    }
    if (ts.isClassDeclaration(node) && node.name?.text === name) {
      const body = node.members.find(ts.isConstructorDeclaration)?.body?.statements ?? [];
      return body.flatMap((s) => {
        if (!ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression)) return [];
        const target = s.expression.left;
        if (!ts.isPropertyAccessExpression(target) || target.expression.kind !== ts.SyntaxKind.ThisKeyword) return [];
        return [{ name: target.name.text, type: ts.getJSDocTypeTag(s)?.typeExpression.type }];
      });
    }
  }
  return undefined;
}

/** Model `name` of an SDK models file, nested models resolved; undefined when the file does not declare it. */
export function sdkModel(path: string, name: string, side: ModelSide): VendorModel | undefined {
  const file = sourceFile(path);
  const list = members(file, name);
  if (!list) return undefined;
  const typeOf = (field: string, node: ts.TypeNode | undefined): VendorType => {
    const where = `${path} ${name}.${field}`;
    if (!node) throw new Error(`${where}: no type`);
    if (node.kind === ts.SyntaxKind.StringKeyword) return { kind: 'string' };
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return { kind: 'boolean' };
    if (node.kind === ts.SyntaxKind.NumberKeyword) return { kind: 'number' };
    // 64-bit integers (tccli `int64`: BankCardOCR WarningCode, DetectInfoIdCardData.WarnInfos' items) are declared `number | bigint`.
    if (ts.isUnionTypeNode(node) && node.types.every((t) => t.kind === ts.SyntaxKind.NumberKeyword || t.kind === ts.SyntaxKind.BigIntKeyword)) return { kind: 'integer' };
    if (ts.isArrayTypeNode(node)) return { kind: 'array', items: typeOf(field, node.elementType) };
    if (ts.isTypeReferenceNode(node)) {
      const ref = node.typeName.getText(file);
      const [item] = node.typeArguments ?? [];
      if (ref === 'Array' && item) return { kind: 'array', items: typeOf(field, item) };
      const fields = sdkModel(path, ref, side);
      if (fields) return { kind: 'object', name: ref, fields };
    }
    throw new Error(`${where}: type ${node.getText(file)} is not mapped to JSON`);
  };
  return new Map(list.map((m) => [m.name, {
    type: typeOf(m.name, m.type),
    // A .d.ts request model marks the parameters the API requires as non-optional; response fields are all optional.
    required: side === 'request' && m.optional !== undefined ? !m.optional : undefined,
  }]));
}
