#!/usr/bin/env node
// Builds src/identity/macao/data/telegraph.json: the Chinese commercial telegraph
// code (中文電碼, 4 digits) of every character used by the Macao name tables.
//
// Why: Macao ID cards (and Tencent RecognizeMacaoIDCardOCR's LastNameCode /
// FirstNameCode) carry the real standard telegraph codes (Decree 88/85/M requires
// the code next to every romanised name), so they must come from a real source,
// never be invented. Source: Unicode's Unihan database, Unihan_OtherMappings.txt,
// fields kTaiwanTelegraph (traditional characters, same code book as Hong Kong /
// Macao) with fallback to kMainlandTelegraph of the character itself, then of its
// simplified form (kSimplifiedVariant in Unihan_Variants.txt, or the "simplified"
// field of surnames.json).
//
// Usage: node scripts/build-telegraph-codes.mjs <Unihan>
//   <Unihan> = Unihan.zip, a directory holding Unihan_*.txt[.bz2] (Debian's
//   unicode-data package: /usr/share/unicode), or Unihan_OtherMappings.txt[.bz2].
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dataDir = path.join(root, 'src/identity/macao/data');
const arg = process.argv[2];
if (!arg) {
  console.error('usage: node scripts/build-telegraph-codes.mjs <Unihan.zip | dir | Unihan_OtherMappings.txt[.bz2]>');
  process.exit(2);
}

/** Text of one Unihan file (e.g. 'OtherMappings'), or null when not present. */
function readUnihan(name) {
  const file = `Unihan_${name}.txt`;
  const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (arg.endsWith('.zip')) {
    try { return run('unzip', ['-p', arg, file]) || null; } catch { return null; }
  }
  const dir = fs.statSync(arg).isDirectory() ? arg : path.dirname(arg);
  for (const candidate of [path.join(dir, file), path.join(dir, `${file}.bz2`)]) {
    if (!fs.existsSync(candidate)) continue;
    // Node has no bzip2 decoder; Debian ships the files bz2-compressed.
    return candidate.endsWith('.bz2') ? run('bzip2', ['-dc', candidate]) : fs.readFileSync(candidate, 'utf8');
  }
  return null;
}

/** field -> Map(char -> first value) for the requested Unihan fields. */
function parseFields(text, fields) {
  const out = Object.fromEntries(fields.map((f) => [f, new Map()]));
  let version = 'unknown';
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) {
      const m = /Unicode version: (\S+)/.exec(line);
      if (m) version = m[1];
      continue;
    }
    const [cp, field, value] = line.split('\t');
    if (!cp || !value || !(field in out)) continue;
    out[field].set(String.fromCodePoint(parseInt(cp.slice(2), 16)), value.trim().split(/\s+/)[0]);
  }
  return { out, version };
}

const mappingsText = readUnihan('OtherMappings');
if (!mappingsText) {
  console.error(`Unihan_OtherMappings.txt not found via ${arg}`);
  process.exit(1);
}
const { out: tel, version } = parseFields(mappingsText, ['kTaiwanTelegraph', 'kMainlandTelegraph']);
const variantsText = readUnihan('Variants');
const simp = variantsText
  ? parseFields(variantsText, ['kSimplifiedVariant']).out.kSimplifiedVariant
  : new Map();
const fromCp = (v) => String.fromCodePoint(parseInt(v.slice(2), 16));

const surnames = JSON.parse(fs.readFileSync(path.join(dataDir, 'surnames.json'), 'utf8'));
const given = JSON.parse(fs.readFileSync(path.join(dataDir, 'givenChars.json'), 'utf8'));
const wanted = new Map(); // traditional char -> simplified hint
for (const s of surnames) wanted.set(s.char, s.simplified);
for (const g of given) if (!wanted.has(g.char)) wanted.set(g.char, undefined);

const codes = {};
const fallbacks = {};
const missing = [];
const conflicts = [];
for (const [ch, hint] of [...wanted].sort(([a], [b]) => a.codePointAt(0) - b.codePointAt(0))) {
  const tw = tel.kTaiwanTelegraph.get(ch);
  const mlSelf = tel.kMainlandTelegraph.get(ch);
  const simplified = hint ?? (simp.has(ch) ? fromCp(simp.get(ch)) : undefined);
  const mlSimp = simplified ? tel.kMainlandTelegraph.get(simplified) : undefined;
  const code = tw ?? mlSelf ?? mlSimp;
  if (!code || !/^\d{4}$/.test(code)) { missing.push(ch); continue; }
  codes[ch] = code;
  if (!tw) fallbacks[ch] = mlSelf ? 'kMainlandTelegraph' : `kMainlandTelegraph of ${simplified}`;
  // The mainland book gives merged characters the simplified form's code (葉 -> 叶 0673,
  // 雲 -> 云 0061): expected, keep kTaiwanTelegraph. A disagreement on the character
  // itself, or in the 8000+ supplementary range (where the books diverge), means we
  // do not know which code Macao prints: fail, and drop that character instead.
  if (tw && ((mlSelf && mlSelf !== tw) || (Number(tw) >= 8000 && mlSimp && mlSimp !== tw))) {
    conflicts.push(`${ch} (kTaiwanTelegraph ${tw}, kMainlandTelegraph ${mlSelf ?? `${mlSimp} of ${simplified}`})`);
  }
}
if (conflicts.length) {
  console.error(`conflicting codes, remove from the tables: ${conflicts.join(', ')}`);
  process.exit(1);
}
if (missing.length) {
  console.error(`no telegraph code in Unihan for: ${missing.join(' ')} (remove them from the tables)`);
  process.exit(1);
}

const result = {
  source: `Unicode Unihan ${version}, Unihan_OtherMappings.txt: kTaiwanTelegraph, fallback kMainlandTelegraph`,
  generatedBy: 'scripts/build-telegraph-codes.mjs',
  fallbacks,
  codes,
};
fs.writeFileSync(path.join(dataDir, 'telegraph.json'), `${JSON.stringify(result, null, 1)}\n`);
console.log(`wrote ${Object.keys(codes).length} codes (Unihan ${version}; ${Object.keys(fallbacks).length} via fallback)`);
