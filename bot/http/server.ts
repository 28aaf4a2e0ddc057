import { performance } from 'node:perf_hooks';

import { ConversationState, type Storage } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import pino from 'pino';
import restify from 'restify';

import { type DiagnosisEngine, type LiveChecks, realEngine } from '../../dialogs/engine-port';
import { RootDialog } from '../../dialogs/root-dialog';
import type { Session } from '../../dialogs/session';
import { createAdapter } from '../adapter';
import { type BotConfig, fileOptions, isAnonymous } from '../config';
import { consoleLogger, type LogFields, type Logger } from '../logger';
import { RelayDoctorBot } from '../relay-doctor-bot';
import { ExpiringMemoryStorage } from '../storage/expiring-memory-storage';
import { instrumentEngine, instrumentLiveChecks, instrumentStorage } from '../telemetry/instrument';
import { NO_TELEMETRY, type Telemetry } from '../telemetry/telemetry';
import {
  type AuthOptions,
  type AuthOutcome,
  authOutcomeScope,
  createAuthentication,
  GuardedAuthentication,
} from './auth';
import { type CapturedConsole, captureLibraryConsole } from './library-console';
import { perIpLimit } from './per-ip-limit';
import { readJsonBody } from './read-json-body';
import { InFlight } from './shutdown';
import { checkActivityBody } from './validate-request';

export interface BotDeps {
  engine?: DiagnosisEngine;
  liveChecks?: LiveChecks;
  storage?: Storage;
  logger?: Logger;
  /** Replaces the authentication built from config. */
  auth?: BotFrameworkAuthentication;
  /** Identity endpoints and outbound credentials for the authentication built from config (tests). */
  authOptions?: AuthOptions;
  /** Shared with `installShutdown` so a SIGTERM waits for the requests counted here. */
  inFlight?: InFlight;
  /** Traces and metrics per turn (bot/telemetry); off by default. */
  telemetry?: Telemetry;
}

/**
 * Receiving a whole request may take this long. Node checks it every 30 s (connectionsCheckingInterval),
 * so a slow client is cut off between 30 and 60 s after it started (docs/security.md).
 */
const REQUEST_TIMEOUT_MS = 30_000;

type Res = restify.Response;

/** Ids from the activity for the log, cut short (in anonymous mode they are whatever the caller sent). */
function activityFields(body: unknown): LogFields {
  const a = (body ?? {}) as {
    id?: unknown;
    type?: unknown;
    channelId?: unknown;
    conversation?: { id?: unknown };
    text?: unknown;
    value?: unknown;
  };
  const id = (v: unknown) => (typeof v === 'string' ? v.slice(0, 128) : undefined);
  return {
    activityId: id(a.id),
    activityType: id(a.type),
    channelId: id(a.channelId),
    conversationId: id(a.conversation?.id),
    textChars: typeof a.text === 'string' ? a.text.length : undefined,
    hasValue: a.value !== undefined && a.value !== null ? true : undefined,
  };
}

/**
 * The response CloudAdapter writes to: an auth failure that was our outage becomes 503, and error bodies
 * are replaced by a fixed word (CloudAdapter would send the exception message).
 */
function guardedResponse(res: Res, outcome: AuthOutcome) {
  let status = 200;
  return {
    status(code: number) {
      status = code === 401 && outcome.unavailable ? 503 : code;
      if (status === 503) res.header('Retry-After', '30');
      res.status(status);
      return this;
    },
    send(body?: unknown) {
      if (status === 401) res.send({ error: 'unauthorized' });
      else if (status === 503) res.send({ error: 'authentication unavailable' });
      else if (status >= 500) res.send({ error: 'internal error' });
      else res.send(body);
      return this;
    },
    header(name: string, value: string) {
      res.header(name, value);
      return this;
    },
    end() {
      if (!res.headersSent) res.send(status);
      else res.end();
      return this;
    },
  };
}

/**
 * The restify server: POST /api/messages (body read and checked here, then CloudAdapter) and GET
 * /healthz. Not yet listening: call `server.listen(port)`; tests use port 0 and `server.close()`.
 */
/** 127.0.0.0/8, ::1, or an IPv4-mapped loopback address. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, '');
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export function createServer(config: BotConfig, deps: BotDeps = {}): restify.Server {
  const logger = deps.logger ?? consoleLogger;
  const inFlight = deps.inFlight ?? new InFlight();
  const telemetry = deps.telemetry ?? NO_TELEMETRY;
  const storage = instrumentStorage(
    deps.storage ?? new ExpiringMemoryStorage(config.STATE_TTL_MINUTES * 60 * 1000),
    telemetry,
  );
  const conversationState = new ConversationState(storage);
  const dialog = new RootDialog({
    sessionAccessor: conversationState.createProperty<Session>('session'),
    engine: telemetry.enabled ? instrumentEngine(deps.engine ?? realEngine, telemetry) : deps.engine,
    liveChecks: instrumentLiveChecks(deps.liveChecks, telemetry),
    // Report parts together are held to the paste limit, so "done" never hands the engine more.
    maxReportChars: config.MAX_PASTE_CHARS,
  });
  const bot = new RelayDoctorBot(conversationState, dialog, fileOptions(config), config.MAX_PASTE_CHARS);
  const auth = deps.auth ?? createAuthentication(config, deps.authOptions);
  const adapter = createAdapter(auth, conversationState, logger, {
    limits: {
      maxPasteChars: config.MAX_PASTE_CHARS,
      turnsPerMinute: config.TURNS_PER_MINUTE,
      // A turn makes a handful of outbound calls, each with its deadline: beyond this one it is stuck.
      maxTurnWaitMs: config.OUTBOUND_TIMEOUT_MS * 8,
    },
    stateTtlMinutes: config.STATE_TTL_MINUTES,
    telemetry,
  });
  const anonymous = isAnonymous(config);

  // restify's own logger at warn: its per-request info lines (the throttle's "Throttling") would be log
  // volume an unauthenticated caller drives.
  const server = restify.createServer({
    name: 'relay-doctor',
    handleUncaughtExceptions: false,
    log: pino({ name: 'restify', level: 'warn' }) as never,
  });
  server.server.requestTimeout = REQUEST_TIMEOUT_MS;

  server.get('/healthz', (_req, res, next) => {
    if (inFlight.isDraining) res.send(503, { status: 'draining' });
    else res.send(200, { status: 'ok' });
    next();
  });

  // Per client IP, before anything is read or authenticated (anonymous mode: loopback only, no limit).
  const ipLimit = perIpLimit(anonymous ? 0 : config.IP_REQUESTS_PER_SECOND, config.IP_REQUEST_BURST);

  server.post('/api/messages', ...ipLimit, async (req, res) => {
    const started = performance.now();
    let fields: LogFields = {};
    const finish = (status: number, body?: unknown, code?: string) => {
      if (!res.headersSent) res.send(status, body);
      const line = {
        ...fields,
        status: res.statusCode || status,
        code,
        durationMs: Math.round(performance.now() - started),
      };
      if (line.status >= 500) logger.warn('request failed', line);
      else if (line.status >= 400) logger.warn('request refused', line);
      else logger.info('request', line);
    };
    if (!inFlight.enter()) {
      res.header('Retry-After', '5');
      finish(503, { error: 'shutting down' }, 'draining');
      return;
    }
    try {
      // Without an app id nothing authenticates the caller: only this machine may talk to the bot.
      if (anonymous && !isLoopbackAddress(req.socket.remoteAddress)) {
        finish(403, { error: 'anonymous mode accepts requests from this machine only' }, 'not-loopback');
        return;
      }
      const read = await readJsonBody(req, { maxBytes: config.MAX_BODY_BYTES, maxDepth: config.MAX_JSON_DEPTH });
      fields = { bytes: read.bytes };
      if (!read.ok) {
        finish(read.status, { error: read.error }, `body-${read.status}`);
        return;
      }
      fields = { ...fields, ...activityFields(read.body), droppedKeys: read.droppedKeys || undefined };
      const check = checkActivityBody(read.body, { loopbackServiceUrlOnly: anonymous });
      if (!check.ok) {
        finish(check.status, { error: check.error }, `activity-${check.status}`);
        return;
      }
      // Tokens that cannot be valid are refused before botbuilder sees them (its caches, its console lines).
      const pre =
        !anonymous && auth instanceof GuardedAuthentication
          ? auth.checkHeader(req.headers.authorization)
          : { ok: true as const };
      if (!pre.ok) {
        finish(401, { error: 'unauthorized' }, `auth-precheck-${pre.reason}`);
        return;
      }
      req.body = read.body;
      const outcome: AuthOutcome = {};
      const library: CapturedConsole = { lines: 0 };
      await captureLibraryConsole(library, () =>
        authOutcomeScope.run(outcome, () =>
          adapter.process(req, guardedResponse(res, outcome) as never, (context) => bot.run(context)),
        ),
      );
      if (library.lines > 0) fields = { ...fields, libraryLines: library.lines };
      if (res.statusCode >= 500 && library.lastError !== undefined)
        logger.error('request failed inside botbuilder', library.lastError, { ...fields, code: 'library-error' });
      finish(
        res.statusCode,
        undefined,
        outcome.reason ? `auth-${outcome.unavailable ? 'unavailable' : 'refused'}` : undefined,
      );
    } catch (error) {
      logger.error('request failed', error, { ...fields, code: 'request-error' });
      finish(500, { error: 'internal error' }, 'request-error');
    } finally {
      inFlight.leave();
    }
  });

  return server;
}
