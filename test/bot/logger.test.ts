import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import type { Server } from 'restify';

import { loadConfig } from '../../bot/config';
import { createServer } from '../../bot/http/server';
import { createLogger, describeError, type LogFields, scrubMessage } from '../../bot/logger';
import type { DiagnosisEngine } from '../../dialogs/engine-port';
import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import { ConnectorStub } from '../support/connector-stub';
import { walkEngine } from '../support/dialog-walk';
import { closeServer, listenOnLoopback } from '../support/running-bot';

// Structured logs: JSON lines with levels, ids, sizes and durations; never what admins paste, never
// the Authorization header. Replies land in a FAKE Bot Connector (test/support/connector-stub.ts).

/** Strings an admin might paste that must never reach a log. */
const SECRETS = [
  'fabrikam-secret.onmicrosoft.com',
  '203.0.113.77',
  'secret-cert.fabrikam.test',
  'Bearer top-secret-token',
];

function capture(level = 'info') {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    destination: {
      write: (s: string) => {
        lines.push(s);
      },
    },
  });
  const records = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  return { logger, lines, records };
}

describe('bot logging: pino lines', () => {
  it('writes JSON with level, message, time and the given ids', () => {
    const { logger, records } = capture();
    logger.info('request', { activityId: 'a1', conversationId: 'c1', durationMs: 12, status: 200 });
    logger.warn('refused', { status: 413 });
    const [info, warn] = records();
    assert.equal(info.level, 30);
    assert.equal(info.msg, 'request');
    assert.equal(info.activityId, 'a1');
    assert.equal(info.durationMs, 12);
    assert.equal(typeof info.time, 'string');
    assert.equal(warn.level, 40);
  });

  it('respects the level', () => {
    const { logger, lines } = capture('warn');
    logger.info('hidden');
    logger.error('shown');
    assert.equal(lines.length, 1);
  });

  it('redacts keys that carry content or secrets, even when a caller passes them', () => {
    const { logger, lines } = capture();
    logger.info('oops', {
      authorization: SECRETS[3],
      text: EXAMPLE_NDR,
      value: SECRETS[0],
      password: 'pw',
      textChars: 12,
    } as LogFields);
    const line = lines.join('');
    for (const s of [SECRETS[3], SECRETS[0], '5.7.64', '"pw"']) assert.ok(!line.includes(s), s);
    assert.match(line, /"textChars":12/);
  });

  it('errors keep type, code and stack frames; quoted input and addresses are scrubbed from messages', () => {
    let error: unknown;
    try {
      JSON.parse(`{"tenant": "${SECRETS[0]}" from ${SECRETS[1]}`);
    } catch (e) {
      error = e;
    }
    const described = describeError(Object.assign(error as Error, { code: 'E_PARSE' }));
    const text = JSON.stringify(described);
    for (const s of SECRETS.slice(0, 2)) assert.ok(!text.includes(s), s);
    assert.equal(described.type, 'SyntaxError');
    assert.equal(described.code, 'E_PARSE');
    assert.ok(Array.isArray(described.stack) && described.stack.length > 0);
    assert.doesNotMatch(scrubMessage('host 10.1.2.3 said "no"'), /10\.1\.2\.3|no"/);
  });
});

describe('bot logging: what one request leaves in the log', () => {
  const stub = new ConnectorStub();
  const { logger, lines, records } = capture('debug');
  let server: Server;
  let base = '';
  // An engine that fails with the paste in its message, as a careless parser might.
  const failing: DiagnosisEngine = {
    ...walkEngine,
    recognize: (input) => {
      const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
      if (text.includes('explode')) throw new Error(`cannot read "${text}" from ${SECRETS[1]}`);
      return walkEngine.recognize(input);
    },
  };

  function activity(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${stub.url}/`,
      from: { id: '29:admin' },
      recipient: { id: '28:bot' },
      conversation: { id: `a:log-${randomUUID()}`, conversationType: 'personal' },
      ...extra,
    };
  }

  async function post(body: string, headers: Record<string, string> = {}): Promise<number> {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: SECRETS[3], ...headers },
      body,
    });
    await res.text();
    return res.status;
  }

  before(async () => {
    await stub.start();
    server = createServer(loadConfig({ PORT: '0' }), { logger, engine: failing });
    base = await listenOnLoopback(server);
  });

  after(async () => {
    await closeServer(server);
    await stub.stop();
  });

  it('a served request: ids, status, size and duration; no pasted text, no header', async () => {
    const body = activity({ text: `${EXAMPLE_NDR}\nTenant: ${SECRETS[0]} IP ${SECRETS[1]} cert ${SECRETS[2]}` });
    assert.equal(await post(JSON.stringify(body)), 200);
    const line = records().find((r) => r.msg === 'request' && r.activityId === body.id);
    assert.ok(line, 'a request line with the activity id');
    assert.equal(line.status, 200);
    assert.equal(line.conversationId, (body.conversation as { id: string }).id);
    assert.equal(typeof line.durationMs, 'number');
    assert.ok((line.bytes as number) > 100);
    assert.ok((line.textChars as number) > 100);
  });

  it('refused requests and a failing turn are logged with codes, still without content', async () => {
    assert.equal(await post(`{"text": "${SECRETS[0]}" ${SECRETS[1]}`), 400);
    assert.equal(await post(JSON.stringify(activity({ text: SECRETS[0] })), { 'content-type': 'text/plain' }), 415);
    assert.equal(await post(JSON.stringify(activity({ text: `explode ${SECRETS[2]}` }))), 200);
    const all = records();
    assert.ok(all.some((r) => r.code === 'body-400' && r.level === 40));
    assert.ok(all.some((r) => r.code === 'body-415'));
    const turnError = all.find((r) => typeof r.errorCode === 'string' && r.level === 50);
    assert.ok(turnError, 'the turn error is logged with its RD- code');
    assert.match(String(turnError.errorCode), /^RD-[0-9A-F]{8}$/);
    assert.match((turnError.error as { type: string }).type, /Error$/);
  });

  it('no line ever holds a pasted secret or the Authorization header', () => {
    assert.ok(lines.length >= 4);
    const text = lines.join('\n');
    for (const s of SECRETS) assert.ok(!text.includes(s), `log holds ${s}`);
    assert.ok(!text.includes('5.7.64 TenantAttribution'), 'log holds NDR text');
  });
});
