// Composition root: config → storage → state → engine → dialogs → bot → adapter → restify.
import { loadConfigFromEnvironment } from './config';
import { type BotDeps, createServer } from './http/server';
import { InFlight, installShutdown } from './http/shutdown';
import { createLiveChecks } from './live-checks';
import { createLogger } from './logger';
import { createStorage, describeStorage } from './storage/create-storage';
import { telemetryFromConfig } from './telemetry/from-config';

export { type BotConfig, dnsServers, isAnonymous, loadConfig, loadConfigFromEnvironment } from './config';
export { type BotDeps, createServer } from './http/server';
export { createStorage, describeStorage } from './storage/create-storage';

/** Start the bot with the environment's configuration (`npm start`). */
export async function main(deps: BotDeps = {}): Promise<void> {
  const config = loadConfigFromEnvironment();
  // Several instances behind a load balancer need STORAGE=blob: state then survives restarts and is shared.
  const storage = deps.storage ?? createStorage(config);
  const logger = deps.logger ?? createLogger({ level: config.LOG_LEVEL });
  const inFlight = deps.inFlight ?? new InFlight();
  const telemetry = deps.telemetry ?? telemetryFromConfig(config);
  const server = createServer(config, {
    liveChecks: createLiveChecks(config),
    ...deps,
    logger,
    storage,
    inFlight,
    telemetry,
  });
  await new Promise<void>((resolve) => server.listen(config.PORT, config.HOST, resolve));
  const anonymous = config.MicrosoftAppId === '' ? ' (anonymous local mode: no app id)' : '';
  logger.info(`Relay Doctor listening on ${server.url}/api/messages${anonymous}`);
  logger.info(`Conversation state: ${describeStorage(config)}`);
  // SIGTERM/SIGINT: stop accepting, let turns in flight finish, then exit; unhandled rejections are logged.
  // Buffered spans and metrics are sent before the process exits (bounded: an unreachable collector must not hold it).
  const exit = (code: number) =>
    void Promise.race([telemetry.shutdown(), new Promise((r) => setTimeout(r, 3000).unref())]).finally(() =>
      process.exit(code),
    );
  installShutdown({ server, inFlight, logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS, exit });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    createLogger().error('Relay Doctor failed to start', error);
    process.exit(1);
  });
}
