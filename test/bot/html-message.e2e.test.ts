import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Server } from 'restify';

import { loadConfig } from '../../bot/config';
import { createServer } from '../../bot/http/server';
import { silentLogger } from '../../bot/logger';
import { ConnectorStub } from '../support/connector-stub';
import { verdictOf } from '../support/dialog-walk';
import { pasteFixture } from '../support/paste-fixture';
import { repoRoot } from '../support/paths';
import { closeServer, listenOnLoopback } from '../support/running-bot';

const NDR_2010_5764 = pasteFixture('exchange2010-5764-display-name');

// Teams sends a multi-line message as `text` and as a `text/html` attachment (<p>, <br>, &nbsp;); the bot
// reads the HTML first. Over HTTP to the real server; the Bot Connector is a FAKE (Teams cannot run here).

const PS_DIR = path.join(repoRoot, 'test', 'fixtures', 'powershell');
const paste = [
  NDR_2010_5764,
  '',
  ...['send-eop-healthy.txt', 'inbound-wrong-cert-name.txt'].map((f) =>
    fs
      .readFileSync(path.join(PS_DIR, f), 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('# '))
      .join('\n'),
  ),
].join('\n');

/** Teams' form: a paragraph per line, markup characters as entities, runs of spaces as `&nbsp; `. */
function teamsHtml(text: string): string {
  return text
    .split('\n')
    .map(
      (l) =>
        `<p>${
          l
            .replace(/&/g, '&amp;')
            .replace(/</g, '&lt;')
            .replace(/>/g, '&gt;')
            .replace(/ {2,}/g, (run) => '&nbsp; '.repeat(run.length >> 1) + (run.length % 2 ? '&nbsp;' : '')) ||
          '&nbsp;'
        }</p>`,
    )
    .join('');
}

describe('bot: Teams text/html messages (HTTP, FAKE Bot Connector)', () => {
  const stub = new ConnectorStub();
  let server: Server;
  let base = '';

  before(async () => {
    await stub.start();
    server = createServer(loadConfig({ PORT: '0', MicrosoftAppId: '', LIVE_CHECKS: 'off' }), { logger: silentLogger });
    base = await listenOnLoopback(server);
  });
  after(async () => {
    await closeServer(server);
    await stub.stop();
  });

  async function send(extra: Record<string, unknown>) {
    const conversationId = `a:html-${randomUUID()}`;
    const mark = stub.calls.length;
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: `act-${randomUUID()}`,
        channelId: 'msteams',
        serviceUrl: `${stub.url}/`,
        from: { id: '29:admin', name: 'A. Admin' },
        recipient: { id: '28:relay-doctor', name: 'Relay Doctor' },
        conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
        ...extra,
      }),
    });
    assert.equal(res.status, 200);
    return stub.calls.slice(mark).filter((c) => c.conversationId === conversationId && c.method === 'POST');
  }

  it('the HTML form is read before the plain text: the paste in it decides the verdict', async () => {
    // `text` as a client that lost everything would send it; the HTML carries the paste.
    const replies = await send({
      text: 'hello',
      attachments: [{ contentType: 'text/html', content: teamsHtml(paste) }],
    });
    const verdict = replies.map((c) => verdictOf(c.activity as never)).find(Boolean);
    assert.ok(verdict, 'no verdict card');
    assert.equal(verdict.family, 'eop-relay-denied');
    assert.equal(verdict.causes[0], 'inbound-connector.certificate-mismatch');
    const status = (id: string) => verdict.statuses[verdict.causes.indexOf(id)];
    assert.equal(status('send-connector.wrong-smart-host'), 'ruled-out');
    assert.equal(status('inbound-connector.missing'), 'ruled-out');
  });

  it('plain text without line breaks (no HTML) reaches the same verdict', async () => {
    const flat = paste
      .split('\n')
      .join('')
      .replace(/[ \t]+/g, ' ');
    const html = await send({ attachments: [{ contentType: 'text/html', content: teamsHtml(paste) }] });
    const plain = await send({ text: flat });
    const a = html.map((c) => verdictOf(c.activity as never)).find(Boolean);
    const b = plain.map((c) => verdictOf(c.activity as never)).find(Boolean);
    assert.ok(a && b);
    assert.deepEqual(b, a);
  });
});
