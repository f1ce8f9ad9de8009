import { createApp, runtimeOf } from './app.ts';
import { createServer } from './server.ts';
import { DataError } from './data/loadData.ts';
import { parseCliOptions, USAGE } from './cliOptions.ts';

/** The only file that touches process.*: flags and env in, a listening server (or a data report) out. */
function main(): void {
  let options;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(`idcard-mock: ${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { config } = options;
  try {
    if (options.validateOnly) {
      const { data } = runtimeOf(createApp(config));
      console.log(`idcard-mock: data OK (${data.apis.size} APIs, ${[...data.apis.values()].reduce((n, a) => n + a.scenarios.size, 0)} scenarios)`);
      return;
    }
    const server = createServer(config);
    server.listen(config.port, config.host, () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : config.port;
      console.log(`idcard-mock listening on http://${config.host}:${port}`);
    });
    server.on('error', (e) => {
      console.error(`idcard-mock: cannot listen on ${config.host}:${config.port}: ${e.message}`);
      process.exit(1);
    });
    const stop = (): void => { server.close(() => process.exit(0)); };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    console.error(e instanceof DataError ? e.message : e);
    process.exit(1);
  }
}

main();
