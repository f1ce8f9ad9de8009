export type LogFormat = 'pretty' | 'json';

/** One request as the request log reports it. The caller masks personal data and secrets before this point. */
export interface RequestLogEntry {
  time: Date;
  /** The vendor API, e.g. `IDCardOCR` or `huawei RecognizeIdCard`. */
  api: string;
  /** Who called: a masked SecretId, AK or token user. */
  caller: string;
  /** How the request was signed, e.g. `TC3-HMAC-SHA256 POST`. */
  style: string;
  /** The scenarios played, comma-separated; empty when none. */
  scenario: string;
  /** `Success`, or the error code answered. */
  outcome: string;
  status: number;
  ms: number;
}

// Minimum widths of the pretty columns: wide enough for the usual values so that lines align while
// someone watches the console. Longer values are written whole (an error code cut short would mislead).
const WIDTH = { api: 24, caller: 20, style: 22, outcome: 30 } as const;

/** The entry as one line, without its newline: aligned columns for people, or one JSON object for tools. */
export function formatLogLine(entry: RequestLogEntry, format: LogFormat): string {
  if (format === 'json') {
    const { time, api, caller, style, scenario, outcome, status, ms } = entry;
    return JSON.stringify({ time: time.toISOString(), api, caller, style, scenario, outcome, status, ms: Math.round(ms * 10) / 10 });
  }
  // The fixed-width fields come first, so that only the last column's width varies.
  const columns = [
    clockTime(entry.time),
    String(entry.status),
    `${String(Math.round(entry.ms)).padStart(5)} ms`,
    cell(entry.api, WIDTH.api),
    cell(entry.caller, WIDTH.caller),
    cell(entry.style, WIDTH.style),
    cell(entry.outcome, WIDTH.outcome),
    entry.scenario ? `scenario=${entry.scenario}` : '',
  ];
  return columns.join('  ').trimEnd();
}

function cell(value: string, width: number): string {
  return (value || '-').padEnd(width);
}

/** Local wall-clock time to the millisecond: what someone watching the console compares with their own clock. */
function clockTime(time: Date): string {
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${two(time.getHours())}:${two(time.getMinutes())}:${two(time.getSeconds())}.${String(time.getMilliseconds()).padStart(3, '0')}`;
}
