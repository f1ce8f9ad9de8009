import { writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { isAbsolute } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Command } from './cli/Command.ts';
import { apiKey } from './data/apiKey.ts';
import { parseCommandLine } from './cli/parseCommandLine.ts';
import { UsageError } from './cli/UsageError.ts';
import { coverageLines, listeningLines, rejectedLines, reloadedLines, stoppedLines } from './cli/startMessages.ts';
import type { Certificate } from './tls/ensureCertificate.ts';

// The emulator itself (Express, the data loader, the certificate maker) is imported only by the
// commands that need it, so that --help, --version and a mistyped flag answer at once.
const emulator = async () => {
  const [{ createApp, runtimeOf }, { createServer }, { DataError }, { watchData }, { coverageReport }] = await Promise.all([
    import('./app.ts'), import('./server.ts'), import('./data/loadData.ts'), import('./watchData.ts'), import('./coverageReport.ts'),
  ]);
  return { createApp, runtimeOf, createServer, DataError, watchData, coverageReport };
};

/** After a signal, how long requests in progress get before their connections are cut. */
const CUT_AFTER_MS = 1000;
/** After a signal, the exit at the latest. */
const STOP_WITHIN_MS = 1800;

/**
 * The only file that touches process.*: the command line and environment in, then a listening
 * server, a data report, a version or a usage text out. Exit codes: 2 for what the user typed
 * (flags, IDCARD_MOCK_* variables, config file) and for data a start cannot use; 1 for `validate`'s
 * data problems, servers that cannot start and a coverage report that cannot be written.
 */
async function main(): Promise<number | undefined> {
  let command: Command;
  try {
    command = parseCommandLine(process.argv.slice(2), { env: process.env, home: homedir() });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    for (const problem of e.problems) console.error(`idcard-mock: ${problem}`);
    return 2;
  }
  switch (command.name) {
    case 'help':
      console.log(command.text);
      return 0;
    case 'version':
      console.log(command.version);
      return 0;
    case 'validate':
      return validate(command);
    case 'start':
      return start(command);
    case 'fixtures':
      return fixtures(command);
  }
}

async function fixtures({ out, seed }: Extract<Command, { name: 'fixtures' }>): Promise<number> {
  const { writeFixtures } = await import('./fixtureImages/writeFixtures.ts');
  const index = await writeFixtures(out, seed === undefined ? {} : { seed });
  const apis = new Set(index.files.map(apiKey)).size;
  console.log(`idcard-mock: wrote ${index.files.length} fixture images for ${apis} APIs and index.json to ${out}`);
  for (const s of index.skipped) console.log(`idcard-mock: no fixtures for ${s.provider} ${s.action}: ${s.reason}`);
  return 0;
}

async function validate({ dataDir, scenarioDirs, dir }: Extract<Command, { name: 'validate' }>): Promise<number> {
  const { createApp, runtimeOf, DataError } = await emulator();
  try {
    const { data } = runtimeOf(createApp({ dataDir, scenarioDirs }));
    const scenarios = [...data.apis.values()].reduce((n, a) => n + a.scenarios.size, 0);
    console.log(`idcard-mock: data OK (${data.apis.size} APIs, ${scenarios} scenarios)${dir === undefined ? '' : ` in ${dir}`}`);
    return 0;
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    // The problems name files relative to the data root (those of --scenarios folders in full); with another root, say which one.
    console.error(dir === undefined ? e.message : new DataError(e.problems.map((p) => (isAbsolute(p) ? p : `${dir.replace(/\/+$/, '')}/${p}`))).message);
    return 1;
  }
}

async function start({ config, tlsDir, watch, warnings }: Extract<Command, { name: 'start' }>): Promise<number | undefined> {
  for (const warning of warnings) console.error(`idcard-mock: ${warning}`);
  const { createServer, runtimeOf, DataError, watchData, coverageReport } = await emulator();
  const say = (lines: string[]): void => {
    for (const line of lines) console.log(line);
  };
  const complain = (lines: string[]): void => {
    for (const line of lines) console.error(line);
  };
  let certificate: Certificate | undefined;
  if (tlsDir !== undefined) {
    try {
      const { ensureCertificate } = await import('./tls/ensureCertificate.ts');
      certificate = await ensureCertificate(tlsDir);
    } catch (e) {
      console.error(`idcard-mock: cannot keep the TLS certificate in ${tlsDir}: ${(e as Error).message}`);
      return 1;
    }
  }
  let server;
  // The request log: a line per request on stdout, built from the (masked) journal entry.
  const { requestLogLine } = await import('./log/requestLogLine.ts');
  const logged = config.quiet || config.logRequests === false ? config : { ...config, requestLog: (entry: Parameters<typeof requestLogLine>[0]) => console.log(requestLogLine(entry, config.logFormat)) };
  try {
    server = certificate ? createServer(logged, certificate) : createServer(logged);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    console.error(e.message);
    return 2;
  }
  const rt = runtimeOf(server.app);
  try {
    await rt.connectState();
  } catch (e) {
    console.error(`idcard-mock: ${(e as Error).message}`);
    return 2;
  }
  // Watching starts before the banner, so a file saved after it is seen.
  const watcher = watch
    ? watchData(rt, {
      reloaded: (changed) => say(reloadedLines(config, changed)),
      rejected: (problems) => complain(rejectedLines(problems)),
      failed: (folder, e) => complain([`idcard-mock: stopped watching ${folder}: ${e.message}`]),
    })
    : undefined;
  server.once('close', () => watcher?.close());
  server.on('error', (e: Error) => {
    console.error(`idcard-mock: cannot listen on ${config.host}:${config.port}: ${e.message}`);
    process.exit(1);
  });
  server.listen(config.port, config.host, () => {
    const { port } = server.address() as AddressInfo;
    rt.replica = `${hostname()}:${port}`;
    say(listeningLines(config, port, certificate));
  });
  let exit: (() => void) | undefined;
  const stop = (): void => {
    // A second signal while connections close: stop at once, with the summary.
    if (exit) return exit();
    watcher?.close();
    let code = 0;
    let report: Awaited<ReturnType<typeof coverageReport>> | undefined;
    exit = () => {
      say([...(report ? coverageLines(config, report) : []), ...stoppedLines(config)]);
      process.exit(code);
    };
    // Taken at the signal, before draining, so that the report exists even if a hung connection keeps the server open.
    const reported = coverageReport(rt).then((r) => {
      report = r;
      if (config.coverageOut === undefined) return;
      try {
        writeFileSync(config.coverageOut, `${JSON.stringify(r, null, 2)}\n`);
      } catch (e) {
        console.error(`idcard-mock: cannot write the coverage report to ${config.coverageOut}: ${(e as Error).message}`);
        code = 1;
      }
    }, (e: unknown) => {
      console.error(`idcard-mock: cannot take the coverage report: ${(e as Error).message}`);
      code = 1;
    });
    const done = (): void => { void reported.then(() => rt.state.close()).finally(() => exit?.()); };
    // close() ends the idle connections and the event streams (src/server.ts), then waits for the
    // requests in progress: a `hang` fault's until its client gives up (never, for a client without
    // a timeout), a slow upload's until its end. They get CUT_AFTER_MS, then their connections are
    // cut; STOP_WITHIN_MS is the exit's deadline whatever holds the process (CI teardown waits on it).
    server.close(done);
    setTimeout(() => server.closeAllConnections(), CUT_AFTER_MS).unref();
    setTimeout(exit, STOP_WITHIN_MS).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
