import restify from 'restify';
import { ConversationState, MemoryStorage, UserState, type Storage } from 'botbuilder';
import { AuthenticationError, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Session } from '../dialogs/session';
import { RootDialog } from '../dialogs/root-dialog';
import type { DiagnosisEngine, LiveChecks } from '../dialogs/engine-port';
import { createAdapter, createAuthentication } from './adapter';
import type { BotConfig } from './config';
import { consoleLogger, type Logger } from './logger';
import { RelayDoctorBot } from './relay-doctor-bot';
import { checkActivityBody } from './validate-request';

export interface BotDeps {
  engine?: DiagnosisEngine;
  liveChecks?: LiveChecks;
  storage?: Storage;
  logger?: Logger;
  /** Replaces the authentication built from config (tests with a local identity fake). */
  auth?: BotFrameworkAuthentication;
}

const JWT_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * The restify server: POST /api/messages (validated, then CloudAdapter) and GET /healthz. Not yet
 * listening: call `server.listen(port)`; tests use port 0 and `server.close()`.
 */
export function createServer(config: BotConfig, deps: BotDeps = {}): restify.Server {
  const logger = deps.logger ?? consoleLogger;
  const storage = deps.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const dialog = new RootDialog({
    sessionAccessor: conversationState.createProperty<Session>('session'),
    engine: deps.engine,
    liveChecks: deps.liveChecks,
  });
  const bot = new RelayDoctorBot(conversationState, userState, dialog);
  const adapter = createAdapter(deps.auth ?? createAuthentication(config), conversationState, logger);

  const server = restify.createServer({ name: 'relay-doctor' });
  server.use(restify.plugins.bodyParser({ maxBodySize: config.MAX_BODY_BYTES, mapParams: false }));

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });

  server.post('/api/messages', async (req, res) => {
    const check = checkActivityBody(req.body);
    if (!check.ok) {
      res.send(check.status, { error: check.error });
      return;
    }
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (error) {
      // CloudAdapter maps only AuthenticationError to 401; token library errors would otherwise be 500s.
      const name = error instanceof Error ? error.name : '';
      const status = error instanceof AuthenticationError || JWT_ERRORS.has(name) ? 401 : 500;
      if (status === 500) logger.error('request failed', error);
      if (!res.headersSent) res.send(status, { error: status === 401 ? 'unauthorized' : 'internal error' });
    }
  });

  return server;
}
