import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';

import { ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import type { Server } from 'restify';

import { type BotConfig, loadConfig } from '../../../bot/config';
import { AuthPrecheck } from '../../../bot/http/auth-precheck';
import { createServer } from '../../../bot/http/server';
import { silentLogger } from '../../../bot/logger';
import { ConnectorStub } from '../../support/connector-stub';
import { walkEngine } from '../../support/dialog-walk';
import { LocalCredentialsFactory, OpenIdServer } from '../../support/openid-server';
import { closeServer, listenOnLoopback } from '../../support/running-bot';

// Issue 16 item 1: botframework-connector's EmulatorValidation pushes four issuer strings into a global,
// never-pruned array for every new `tid` claim, before any signature check. These tests flood the real
// server (FAKE identity service, as in auth.test.ts) and assert the library's array never grows, and that
// valid tokens still pass. Memory under such a flood is a benchmark figure (bench/auth-flood-bench.ts).

const APP_ID = '00000000-1111-2222-3333-444444444444';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

const libraryIssuers = () => (ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[]).length;

/** An unsigned-looking token with the given claims (the signature is never checked before the refusal). */
function forged(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'RS256', typ: 'JWT', kid: 'k' },
): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `Bearer ${part(header)}.${part(claims)}.${randomBytes(64).toString('base64url')}`;
}

describe('bot auth pre-check: refused tokens never reach botbuilder (issue 16)', function () {
  this.timeout(60_000);
  const stub = new ConnectorStub();
  const openId = new OpenIdServer();
  const originalError = console.error;
  let server: Server;
  let base: string;

  async function start(extra: Record<string, string> = {}): Promise<{ server: Server; base: string }> {
    // The per-IP limit is off: the flood must reach the pre-check (faults.test.ts covers the limit).
    const config: BotConfig = loadConfig({
      PORT: '0',
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      IP_REQUESTS_PER_SECOND: '0',
      ...extra,
    });
    const s = createServer(config, {
      logger: silentLogger,
      engine: walkEngine,
      authOptions: {
        endpoints: openId.endpoints(),
        credentialsFactory: new LocalCredentialsFactory(APP_ID, 'not-a-real-secret'),
      },
    });
    return { server: s, base: await listenOnLoopback(s) };
  }

  function activity(): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${stub.url}/`,
      from: { id: '29:admin' },
      recipient: { id: '28:bot' },
      conversation: { id: `a:pre-${randomUUID()}`, conversationType: 'personal' },
      text: 'help',
    };
  }

  async function post(target: string, authorization: string): Promise<number> {
    const res = await fetch(`${target}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify(activity()),
    });
    await res.arrayBuffer();
    return res.status;
  }

  before(async () => {
    console.error = () => undefined;
    await stub.start();
    await openId.start(['msteams']);
    ({ server, base } = await start());
  });

  after(async () => {
    console.error = originalError;
    await closeServer(server);
    await openId.stop();
    await stub.stop();
  });

  it('a flood of tokens with unique tid claims: all 401, the library issuer array stays the same length', async () => {
    const before = libraryIssuers();
    const statuses = new Map<number, number>();
    for (let batch = 0; batch < 10; batch += 1) {
      const results = await Promise.all(
        Array.from({ length: 30 }, () =>
          post(
            base,
            forged({
              iss: 'https://api.botframework.com',
              aud: APP_ID,
              tid: randomBytes(900).toString('hex'),
            }),
          ),
        ),
      );
      for (const s of results) statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    assert.deepEqual([...statuses.entries()], [[401, 300]]);
    assert.equal(libraryIssuers(), before, "no issuer was added to botbuilder's global list");
  });

  it('unique GUID-shaped tids and emulator-style issuers do not grow it either', async () => {
    const before = libraryIssuers();
    for (let i = 0; i < 40; i += 1) {
      const tid = randomUUID();
      assert.equal(await post(base, forged({ iss: `https://sts.windows.net/${tid}/`, aud: APP_ID, tid })), 401);
      assert.equal(await post(base, forged({ iss: openId.issuer, aud: APP_ID, tid })), 401);
    }
    assert.equal(libraryIssuers(), before);
  });

  it('an Authorization header over the limit gets 401 (not 431 or 500)', async () => {
    const status = await post(base, forged({ iss: openId.issuer, aud: APP_ID, pad: 'x'.repeat(6000) }));
    assert.equal(status, 401);
  });

  it('a valid token still passes and is answered', async () => {
    const before = stub.calls.length;
    const token = await openId.sign({ audience: APP_ID, serviceUrl: `${stub.url}/` });
    assert.equal(await post(base, `Bearer ${token}`), 200);
    assert.ok(stub.calls.length > before);
  });

  it('single tenant: a signed token naming another tenant is refused, the configured tenant passes', async () => {
    const single = await start({ MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT });
    try {
      const other = await openId.sign({
        audience: APP_ID,
        serviceUrl: `${stub.url}/`,
        extraClaims: { tid: 'd6d49420-f39b-4df7-a1dc-d59a935871db' },
      });
      assert.equal(await post(single.base, `Bearer ${other}`), 401);
      const mine = await openId.sign({ audience: APP_ID, serviceUrl: `${stub.url}/`, extraClaims: { tid: TENANT } });
      assert.equal(await post(single.base, `Bearer ${mine}`), 200);
    } finally {
      await closeServer(single.server);
    }
  });
});

describe('AuthPrecheck (decoded claims, no signature)', () => {
  const precheck = new AuthPrecheck({
    maxHeaderBytes: 4096,
    channelIssuer: 'https://api.botframework.com',
    tenantId: '',
    singleTenant: false,
  });
  const cases: Array<[string, string | undefined, string]> = [
    ['no header', undefined, 'not-bearer'],
    ['Basic scheme', 'Basic abc', 'not-bearer'],
    ['two spaces', 'Bearer  a.b.c', 'not-a-jwt'],
    ['not base64url', 'Bearer a.b!.c', 'not-a-jwt'],
    ['alg none', forged({ iss: 'https://api.botframework.com' }, { alg: 'none' }), 'algorithm'],
    ['HS256', forged({ iss: 'https://api.botframework.com' }, { alg: 'HS256' }), 'algorithm'],
    ['unknown issuer', forged({ iss: 'https://issuer.invalid' }), 'issuer'],
    ['no issuer', forged({ aud: 'x' }), 'issuer'],
    ['unknown tenant', forged({ iss: 'https://api.botframework.com', tid: randomUUID() }), 'tenant'],
    ['non-string tenant', forged({ iss: 'https://api.botframework.com', tid: 42 }), 'tenant'],
    ['too large', `Bearer ${'a'.repeat(5000)}`, 'header-too-large'],
  ];
  for (const [label, header, reason] of cases) {
    it(`refuses ${label} (${reason})`, () => {
      assert.deepEqual(precheck.check(header), { ok: false, reason });
    });
  }
  it('passes a channel token and a token from a tenant the library already trusts', () => {
    assert.deepEqual(precheck.check(forged({ iss: 'https://api.botframework.com' })), { ok: true });
    const botFrameworkTenant = 'd6d49420-f39b-4df7-a1dc-d59a935871db';
    assert.deepEqual(
      precheck.check(forged({ iss: `https://sts.windows.net/${botFrameworkTenant}/`, tid: botFrameworkTenant })),
      { ok: true },
    );
  });
});
