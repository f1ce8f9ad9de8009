import { formatLogLine, type LogFormat } from './formatLogLine.ts';
import type { JournalEntry } from '../state/journal.ts';

/** The request log's line for a journal entry (already masked: the journal holds no personal data or secrets). */
export function requestLogLine(e: JournalEntry, format: LogFormat): string {
  const line = formatLogLine({
    time: new Date(),
    api: e.action ? `${e.provider} ${e.action}` : `${e.provider} ${e.request?.path ?? ''}`.trim(),
    caller: e.caller ?? '-',
    style: e.style ?? '-',
    scenario: e.scenarios.join(','),
    outcome: e.outcome === 'ok' ? 'Success' : e.outcome,
    status: e.status,
    ms: e.durationMs,
  }, format);
  if (!e.diagnosis && !e.notices.length) return line;
  // What the emulator would otherwise keep to itself: held-back warnings, and why a signature failed.
  const extra = { notices: e.notices.length ? e.notices : undefined, signature: e.diagnosis };
  if (format === 'json') return JSON.stringify({ ...JSON.parse(line), ...extra });
  const lines = [line, ...e.notices.map((n) => `    notice: ${n}`)];
  if (e.diagnosis) {
    lines.push(`    signature: ${e.diagnosis.cause}`);
    if (e.diagnosis.canonicalRequest) lines.push(`    canonical request:\n${indent(e.diagnosis.canonicalRequest)}`);
    if (e.diagnosis.stringToSign) lines.push(`    string to sign:\n${indent(e.diagnosis.stringToSign)}`);
  }
  return lines.join('\n');
}

const indent = (text: string): string => text.split('\n').map((l) => `      ${l}`).join('\n');
