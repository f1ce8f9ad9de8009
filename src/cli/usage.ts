import { defaultSettings, SETTINGS, type CliContext, type SettingSpec, type Settings } from './settings.ts';

const COMMANDS = `Usage: idcard-mock [start] [options]   run the emulator (start is the default command)
       idcard-mock validate [DIR]      check the data files (and --scenarios folders), list every problem, exit
       idcard-mock fixtures --out DIR  write a PNG and a JPEG card image for every outcome of every API, and index.json
       idcard-mock --version           print the version
       idcard-mock COMMAND --help      the usage of one command`;

/** `idcard-mock --help`: the commands, then the options of the default command. */
export function mainUsage(ctx: CliContext): string {
  return `${COMMANDS}\n\n${startOptions(ctx)}`;
}

/** `idcard-mock start --help`. */
export function startUsage(ctx: CliContext): string {
  return `Usage: idcard-mock [start] [options]

Serves the emulated APIs until SIGINT or SIGTERM. When ready it prints
idcard-mock listening on http://HOST:PORT (https with --tls).

${startOptions(ctx)}`;
}

/** `idcard-mock fixtures --help`. */
export function fixturesUsage(): string {
  return `Usage: idcard-mock fixtures --out DIR [--seed S]

Writes, for each API that takes an image and each outcome (every error, warning and result code, and
plain front, back, Macao and double-side cards), a PNG and a JPEG card mock-up (about 1000x630, marked
样本 / SPECIMEN) whose embedded mock-scenario= marker makes the emulator answer that outcome, and
DIR/index.json saying what each file triggers. Upload them through your app's own button to reach
every path. The same seed always gives the same bytes.`;
}

/** `idcard-mock validate --help`. */
export function validateUsage(): string {
  return `Usage: idcard-mock validate [DIR] [--scenarios FOLDER]...

Loads and checks the data files as the emulator does when it starts: those of DIR (its schemas/,
scenarios/ and keys/ folders), or the emulator's own without DIR, with each --scenarios FOLDER of
your own layered over its scenarios/ as start --scenarios does. Prints every problem, each with
its file, and exits with 1 if there is any. idcard-mock --validate-data is the same without DIR.`;
}

const LEFT = 28;
const WIDTH = 100;

function startOptions(ctx: CliContext): string {
  const defaults = defaultSettings(ctx);
  const row = (left: string, text: string): string => `  ${left.padEnd(LEFT)} ${wrap(text, WIDTH - LEFT - 3).join(`\n${' '.repeat(LEFT + 3)}`)}`;
  return [
    'Options. Each is also a key of the --config file, in camelCase (--rate-limit-per-minute: rateLimitPerMinute;',
    '--no-rate-limit: rateLimit: false), and an IDCARD_MOCK_* variable. Defaults < config file < variables < flags.',
    row('--config FILE', 'a YAML or JSON file of these settings; relative paths in it are relative to it [IDCARD_MOCK_CONFIG]'),
    ...SETTINGS.map((s) => row(`${s.flag}${s.arg ? ` ${s.arg}` : ''}`, `${s.help} [${variable(s, defaults)}]`)),
    row('--validate-data', 'check the data files and exit, as idcard-mock validate'),
    row('-h, --help', 'this text'),
    row('--version', 'print the version'),
  ].join('\n');
}

/** `IDCARD_MOCK_PORT, default 4600`; for a switch, the value of the variable that turns it on. */
function variable(s: SettingSpec, defaults: Settings): string {
  if (s.kind === 'boolean') return `${s.env}=${s.negated ? 'off' : '1'}`;
  const value = defaults[s.key];
  const none = value === undefined || (Array.isArray(value) && !value.length);
  return `${s.env}${none ? '' : `, default ${String(value)}`}`;
}

/** Words into lines of at most `width` characters (a longer word stands alone), for a 100-column terminal. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}
