import { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import restify from 'restify';

import { createAuthentication } from '../bot/adapter';
import type { BotConfig } from '../bot/config';
import { checkActivityBody } from '../bot/http/validate-request';
import { DedupeMiddleware } from '../bot/middleware/dedupe';
import { SerializeMiddleware } from '../bot/middleware/serialize';

// The baseline bot for the turn and cold-start benchmarks: the same stack as bot/http/server.ts (restify with
// the same body parser, request check, CloudAdapter, the same two middlewares, /healthz) but a turn that
// only echoes the text back. The difference between the two is the cost of our own turn.

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity({ type: 'message', text: context.activity.text ?? '' });
      await next();
    });
  }
}

export function createEchoServer(config: BotConfig, auth?: BotFrameworkAuthentication): restify.Server {
  const adapter = new CloudAdapter(auth ?? createAuthentication(config));
  adapter.use(new DedupeMiddleware());
  adapter.use(new SerializeMiddleware());
  const bot = new EchoBot();

  const server = restify.createServer({ name: 'echo-bot' });
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
    } catch {
      if (!res.headersSent) res.send(500, { error: 'internal error' });
    }
  });
  return server;
}
