import { extname } from 'node:path';
import { requireDependency } from '../requireDependency.ts';

/** What a data file holds, or what is wrong with its text (each problem one line, without the file name). */
export type Parsed = { value: unknown } | { problems: string[] };

/**
 * The text of a data file: JSON when its name ends in `.json`, YAML otherwise (`.yaml`, `.yml`, a
 * config file of any other name). YAML is read as YAML 1.2 core: duplicate keys and several documents
 * in one file are problems, as they are likely mistakes.
 */
export function parseDataText(file: string, text: string): Parsed {
  if (extname(file).toLowerCase() === '.json') {
    try {
      return { value: JSON.parse(text) };
    } catch (e) {
      return { problems: [`not valid JSON (${(e as Error).message})`] };
    }
  }
  // yaml's pretty messages end their first line with `at line L, column C:` and then quote the text; one line each is enough.
  // yaml (CommonJS, some 70 files) is loaded when a YAML file is first read: the shipped data is all JSON,
  // so a start without YAML scenario or config files never loads it.
  const { parseDocument } = requireDependency('yaml') as typeof import('yaml');
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length) return { problems: doc.errors.map((e) => `not valid YAML: ${e.message.split('\n')[0]!.replace(/:$/, '')}`) };
  return { value: doc.toJS() };
}
