import type { Server } from 'restify';

import { loadConfig } from '../../bot/config';
import { createServer } from '../../bot/http/server';
import { silentLogger } from '../../bot/logger';
import type { ConnectorStub } from './connector-stub';
import { walkEngine } from './dialog-walk';
import { closeServer, listenOnLoopback } from './running-bot';

/**
 * Inside a describe(): the anonymous bot (walk engine, no live checks) on loopback with the FAKE connector
 * started before the tests and both stopped after. Read `base` in the tests, once the hooks have run.
 */
export function useWalkBot(stub: ConnectorStub): { readonly base: string } {
  let server: Server | undefined;
  let base = '';
  before(async () => {
    await stub.start();
    server = createServer(loadConfig({ PORT: '0', MicrosoftAppId: '', LIVE_CHECKS: 'off' }), {
      logger: silentLogger,
      engine: walkEngine,
    });
    base = await listenOnLoopback(server);
  });
  after(async () => {
    if (server) await closeServer(server);
    await stub.stop();
  });
  return {
    get base() {
      return base;
    },
  };
}
