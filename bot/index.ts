// Composition root: config → storage → state → engine → dialogs → bot → adapter → restify.
import { loadConfigFromEnvironment } from './config';
import { createLiveChecks } from './live-checks';
import { consoleLogger } from './logger';
import { createServer, type BotDeps } from './server';

export { createServer, type BotDeps } from './server';
export { loadConfig, loadConfigFromEnvironment, isAnonymous, dnsServers, type BotConfig } from './config';

/** Start the bot with the environment's configuration (`npm start`). */
export async function main(deps: BotDeps = {}): Promise<void> {
  const config = loadConfigFromEnvironment();
  const server = createServer(config, { logger: consoleLogger, liveChecks: createLiveChecks(config), ...deps });
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const anonymous = config.MicrosoftAppId === '' ? ' (anonymous local mode: no app id)' : '';
  consoleLogger.info(`Relay Doctor listening on ${server.url}/api/messages${anonymous}`);
  const stop = () => server.close(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    consoleLogger.error('Relay Doctor failed to start', error);
    process.exit(1);
  });
}
