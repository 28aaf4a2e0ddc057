// Composition root: config → storage → state → engine → dialogs → bot → adapter → restify.
import { loadConfigFromEnvironment } from './config';
import { createLiveChecks } from './live-checks';
import { consoleLogger } from './logger';
import { createServer, type BotDeps } from './server';
import { createStorage, describeStorage } from './storage';

export { createServer, type BotDeps } from './server';
export { loadConfig, loadConfigFromEnvironment, isAnonymous, dnsServers, type BotConfig } from './config';
export { createStorage, describeStorage } from './storage';

/** Start the bot with the environment's configuration (`npm start`). */
export async function main(deps: BotDeps = {}): Promise<void> {
  const config = loadConfigFromEnvironment();
  // Several instances behind a load balancer need STORAGE=blob: state then survives restarts and is shared.
  const storage = deps.storage ?? createStorage(config);
  const server = createServer(config, { logger: consoleLogger, liveChecks: createLiveChecks(config), ...deps, storage });
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const anonymous = config.MicrosoftAppId === '' ? ' (anonymous local mode: no app id)' : '';
  consoleLogger.info(`Relay Doctor listening on ${server.url}/api/messages${anonymous}`);
  consoleLogger.info(`Conversation state: ${describeStorage(config)}`);
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
