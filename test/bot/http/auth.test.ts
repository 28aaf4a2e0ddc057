import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';

import { AuthenticationError } from 'botframework-connector';
import type { Server } from 'restify';

import { loadConfig } from '../../../bot/config';
import { classifyAuthError } from '../../../bot/http/auth';
import { createServer } from '../../../bot/http/server';
import { silentLogger } from '../../../bot/logger';
import { ConnectorStub } from '../../support/connector-stub';
import { walkEngine } from '../../support/dialog-walk';
import { LocalCredentialsFactory, makeKey, OpenIdServer, StaticTokenCredentials } from '../../support/openid-server';
import { closeServer, listenOnLoopback } from '../../support/running-bot';

// The real restify server, CloudAdapter and botbuilder token validation, with the Bot Framework identity
// service played by a FAKE OpenID metadata + JWKS server on 127.0.0.1 and the Bot Connector by a FAKE stub.

const APP_ID = '00000000-1111-2222-3333-444444444444';

async function startBot(
  openId: OpenIdServer | { endpoints(): ReturnType<OpenIdServer['endpoints']> },
): Promise<{ server: Server; base: string }> {
  const config = loadConfig({ PORT: '0', MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-a-real-secret' });
  const server = createServer(config, {
    logger: silentLogger,
    engine: walkEngine,
    authOptions: {
      endpoints: openId.endpoints(),
      credentialsFactory: new LocalCredentialsFactory(APP_ID, 'not-a-real-secret'),
    },
  });
  return { server, base: await listenOnLoopback(server) };
}

async function stopBot(server: Server): Promise<void> {
  await closeServer(server);
}

describe('bot auth: Bot Framework JWT against a local OpenID + JWKS fake', function () {
  const stub = new ConnectorStub();
  const openId = new OpenIdServer();
  let bot: { server: Server; base: string };
  // botbuilder prints token failures with console.error; keep the test output readable.
  const originalError = console.error;

  function activity(extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${stub.url}/`,
      from: { id: '29:admin' },
      recipient: { id: '28:bot' },
      conversation: { id: `a:auth-${randomUUID()}`, conversationType: 'personal' },
      text: 'help',
      ...extra,
    };
  }

  async function post(
    base: string,
    body: unknown,
    authorization?: string,
  ): Promise<{ status: number; replies: number; text: string }> {
    const before = stub.calls.length;
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization !== undefined) headers.authorization = authorization;
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers, body: JSON.stringify(body) });
    return { status: res.status, text: await res.text(), replies: stub.calls.length - before };
  }

  const valid = (extra: Parameters<OpenIdServer['sign']>[0] extends infer O ? Partial<O> : never = {}) =>
    openId.sign({ audience: APP_ID, serviceUrl: `${stub.url}/`, ...extra });

  before(async () => {
    console.error = () => undefined;
    await stub.start();
    await openId.start(['msteams']);
    bot = await startBot(openId);
  });

  after(async () => {
    console.error = originalError;
    await stopBot(bot.server);
    await openId.stop();
    await stub.stop();
  });

  it('a valid token is accepted and the reply goes out with the outbound credentials', async () => {
    const res = await post(bot.base, activity(), `Bearer ${await valid()}`);
    assert.equal(res.status, 200);
    assert.ok(res.replies >= 1, 'a reply reached the connector');
    assert.equal(stub.calls[stub.calls.length - 1].authorization, `Bearer ${StaticTokenCredentials.TOKEN}`);
  });

  const refusals: Array<[string, () => Promise<string | undefined>]> = [
    ['no Authorization header', async () => undefined],
    ['an empty header', async () => ''],
    ['garbage', async () => 'Bearer not.a.jwt'],
    ['a token without a scheme', async () => valid()],
    ['the Basic scheme', async () => `Basic ${Buffer.from('a:b').toString('base64')}`],
    [
      'a tampered payload',
      async () => {
        const [h, p, s] = (await valid()).split('.');
        const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
        claims.aud = 'someone-else';
        return `Bearer ${h}.${Buffer.from(JSON.stringify({ ...claims, aud: APP_ID, extra: 1 })).toString('base64url')}.${s}`;
      },
    ],
    [
      'a signature from the wrong key (published kid)',
      async () => {
        const other = await makeKey();
        return `Bearer ${await valid({ key: other, kid: openId.keys[0].key.kid })}`;
      },
    ],
    ['an unknown key id', async () => `Bearer ${await valid({ key: await makeKey() })}`],
    ['the wrong audience', async () => `Bearer ${await valid({ audience: 'another-bot' })}`],
    ['the wrong issuer', async () => `Bearer ${await valid({ issuer: 'https://issuer.invalid' })}`],
    ['an expired token (beyond the 5 min skew)', async () => `Bearer ${await valid({ expiresIn: -3600 })}`],
    ['a token not yet valid', async () => `Bearer ${await valid({ notBefore: 3600 })}`],
    [
      'a serviceurl claim for another service',
      async () => `Bearer ${await valid({ serviceUrl: 'http://127.0.0.1:9/' })}`,
    ],
    [
      'alg none',
      async () => {
        const [, p] = (await valid()).split('.');
        return `Bearer ${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${p}.`;
      },
    ],
  ];

  for (const [label, header] of refusals) {
    it(`refuses ${label} with 401 and sends no reply`, async () => {
      const res = await post(bot.base, activity(), await header());
      assert.equal(res.status, 401, res.text);
      assert.equal(res.replies, 0);
      assert.doesNotMatch(res.text, /Error|at |\.js/, 'no exception text in the body');
    });
  }

  it('refuses a key whose endorsements do not include the channel', async () => {
    // Keys are cached per metadata URL for an hour: a fresh identity server (own URL) publishes this key.
    const fresh = new OpenIdServer();
    await fresh.start(['webchat']);
    const freshBot = await startBot(fresh);
    try {
      const token = await fresh.sign({ audience: APP_ID, serviceUrl: `${stub.url}/` });
      const res = await post(freshBot.base, activity(), `Bearer ${token}`);
      assert.equal(res.status, 401);
      assert.equal(res.replies, 0);
      // The same key is fine for the channel it endorses.
      const ok = await post(freshBot.base, activity({ channelId: 'webchat' }), `Bearer ${token}`);
      assert.equal(ok.status, 200);
    } finally {
      await stopBot(freshBot.server);
      await fresh.stop();
    }
  });

  it('metadata endpoint answering 500: 503 (our outage), no crash, no reply', async () => {
    const broken = new OpenIdServer();
    await broken.start();
    broken.failWith = 500;
    const brokenBot = await startBot(broken);
    try {
      const token = await broken.sign({ audience: APP_ID, serviceUrl: `${stub.url}/` });
      const res = await post(brokenBot.base, activity(), `Bearer ${token}`);
      assert.ok(res.status === 503 || res.status === 401, `${res.status}`);
      assert.equal(res.replies, 0);
      assert.equal((await fetch(`${brokenBot.base}/healthz`)).status, 200);
    } finally {
      await stopBot(brokenBot.server);
      await broken.stop();
    }
  });

  it('metadata endpoint unreachable (closed port): 503, no crash', async () => {
    const gone = new OpenIdServer();
    await gone.start();
    const endpoints = gone.endpoints();
    const token = await gone.sign({ audience: APP_ID, serviceUrl: `${stub.url}/` });
    await gone.stop();
    const goneBot = await startBot({ endpoints: () => endpoints });
    try {
      const res = await post(goneBot.base, activity(), `Bearer ${token}`);
      assert.equal(res.status, 503);
      assert.equal(res.replies, 0);
    } finally {
      await stopBot(goneBot.server);
    }
  });

  it('still accepts a valid token after all the refusals', async () => {
    const res = await post(bot.base, activity(), `Bearer ${await valid()}`);
    assert.equal(res.status, 200);
    assert.ok(res.replies >= 1);
  });
});

describe('bot auth: error classification', () => {
  it('token library errors are unauthorized; metadata failures are unavailable', () => {
    const named = (name: string) => Object.assign(new Error('x'), { name });
    assert.equal(classifyAuthError(named('JsonWebTokenError')), 'unauthorized');
    assert.equal(classifyAuthError(named('TokenExpiredError')), 'unauthorized');
    assert.equal(classifyAuthError(new AuthenticationError('no', 401)), 'unauthorized');
    assert.equal(classifyAuthError(new AuthenticationError('Failed to load openID config: 500', 500)), 'unavailable');
    assert.equal(classifyAuthError(named('FetchError')), 'unavailable');
  });
});
