import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { ConversationState, MemoryStorage, TestAdapter, type TurnContext } from 'botbuilder';

import { errorCode, turnErrorHandler } from '../../bot/adapter';
import { ConfigSchema, dnsServers, isAnonymous, loadConfig } from '../../bot/config';
import { checkActivityBody } from '../../bot/http/validate-request';
import { silentLogger } from '../../bot/logger';
import { DedupeMiddleware } from '../../bot/middleware/dedupe';
import { SerializeMiddleware } from '../../bot/middleware/serialize';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../cards/card-json';
import { repoRoot } from '../support/paths';

describe('bot: configuration', () => {
  it('defaults: port 3978, anonymous, memory storage', () => {
    const config = loadConfig({});
    assert.equal(config.PORT, 3978);
    assert.equal(config.STORAGE, 'memory');
    assert.equal(config.MicrosoftAppType, 'MultiTenant');
    assert.ok(isAnonymous(config));
  });

  it('reads the Bot Framework variables and DNS servers', () => {
    const config = loadConfig({
      PORT: '8080',
      MicrosoftAppId: ' app ',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 't',
      DNS_SERVERS: '127.0.0.1:5353, 10.0.0.1',
    });
    assert.equal(config.PORT, 8080);
    assert.equal(config.MicrosoftAppId, 'app');
    assert.ok(!isAnonymous(config));
    assert.deepEqual(dnsServers(config), ['127.0.0.1:5353', '10.0.0.1']);
  });

  it('refuses invalid values with the variable name', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), /PORT/);
    assert.throws(() => loadConfig({ MicrosoftAppType: 'Other' }), /MicrosoftAppType/);
    assert.throws(() => loadConfig({ STORAGE: 'cosmos' }), /STORAGE/);
  });

  it('.env.example documents every variable of the schema', () => {
    const example = fs.readFileSync(path.join(repoRoot, '.env.example'), 'utf8');
    for (const key of Object.keys(ConfigSchema.shape)) assert.match(example, new RegExp(`^${key}=`, 'm'), key);
  });
});

describe('bot: request validation', () => {
  const good = {
    type: 'message',
    id: '1',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1/',
    conversation: { id: 'c' },
    from: { id: 'u' },
  };
  it('accepts an activity with ids', () => assert.deepEqual(checkActivityBody(good), { ok: true }));
  for (const [label, body] of [
    ['undefined', undefined],
    ['empty string', ''],
    ['{}', {}],
    ['an array', []],
    ['a string', 'x'],
    ['a buffer', Buffer.from('{}')],
    ['no id', { ...good, id: undefined }],
    ['no conversation', { ...good, conversation: undefined }],
    ['no serviceUrl', { ...good, serviceUrl: undefined }],
    ['a non-http serviceUrl', { ...good, serviceUrl: 'file:///etc/passwd' }],
  ] as Array<[string, unknown]>) {
    it(`refuses ${label} with 400`, () => {
      const check = checkActivityBody(body);
      assert.equal(check.ok, false);
      if (!check.ok) assert.equal(check.status, 400);
    });
  }
});

describe('bot: middleware', () => {
  it('drops a duplicate activity id within ten minutes, lets it through after', async () => {
    let now = 0;
    const dedupe = new DedupeMiddleware(10 * 60 * 1000, () => now);
    let turns = 0;
    const adapter = new TestAdapter(async () => {
      turns += 1;
    }).use(dedupe);
    await adapter.send({ type: 'message', id: 'same', text: 'a' } as never);
    await adapter.send({ type: 'message', id: 'same', text: 'a' } as never);
    assert.equal(turns, 1);
    now = 11 * 60 * 1000;
    await adapter.send({ type: 'message', id: 'same', text: 'a' } as never);
    assert.equal(turns, 2);
  });

  it('runs the turns of one conversation one at a time', async () => {
    const serialize = new SerializeMiddleware();
    const order: string[] = [];
    const fakeContext = (id: string) => ({ activity: { conversation: { id: 'c1' }, id } }) as unknown as TurnContext;
    const slow = serialize.onTurn(fakeContext('1'), async () => {
      order.push('1 start');
      await new Promise((r) => setTimeout(r, 30));
      order.push('1 end');
    });
    const fast = serialize.onTurn(fakeContext('2'), async () => {
      order.push('2 start');
    });
    await Promise.all([slow, fast]);
    assert.deepEqual(order, ['1 start', '1 end', '2 start']);
  });

  it('lets other conversations run meanwhile', async () => {
    const serialize = new SerializeMiddleware();
    const order: string[] = [];
    const ctx = (c: string) => ({ activity: { conversation: { id: c } } }) as unknown as TurnContext;
    const slow = serialize.onTurn(ctx('a'), async () => {
      await new Promise((r) => setTimeout(r, 30));
      order.push('a');
    });
    const other = serialize.onTurn(ctx('b'), async () => {
      order.push('b');
    });
    await Promise.all([slow, other]);
    assert.deepEqual(order, ['b', 'a']);
  });
});

describe('bot: onTurnError', () => {
  it('answers a message with an apology card carrying a code, and no stack trace', async () => {
    const logged: string[] = [];
    const state = new ConversationState(new MemoryStorage());
    const adapter = new TestAdapter(async () => {
      throw new Error('boom at /srv/secret.js:1');
    });
    adapter.onTurnError = turnErrorHandler(state, { ...silentLogger, error: (m) => logged.push(m) });
    const sent: unknown[] = [];
    await adapter.send('hello').assertReply((a) => {
      sent.push(a);
    });
    const json = JSON.stringify(sent);
    assert.ok(json.includes(ADAPTIVE_CARD_CONTENT_TYPE));
    assert.doesNotMatch(json, /boom|secret\.js/);
    const code = /RD-[0-9A-F]{8}/.exec(json)?.[0];
    assert.ok(code, 'the card shows an error code');
    assert.ok(
      logged.some((l) => l.includes(code)),
      'the log has the same code',
    );
  });

  it('error codes are short and distinct', () => {
    const codes = new Set(Array.from({ length: 50 }, errorCode));
    assert.equal(codes.size, 50);
    for (const c of codes) assert.match(c, /^RD-[0-9A-F]{8}$/);
  });
});
