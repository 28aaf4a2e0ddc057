import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import type { Server } from 'restify';

import { loadConfig } from '../../../bot/config';
import { FILE_DOWNLOAD_INFO } from '../../../bot/files/file-attachments';
import { createServer } from '../../../bot/http/server';
import { silentLogger } from '../../../bot/logger';
import { SHARE_IN_CHANNEL } from '../../../dialogs/replies';
import { type ConnectorCall, ConnectorStub } from '../../support/connector-stub';
import { questionOf, verdictOf, walkEngine } from '../../support/dialog-walk';
import { FileServer } from '../../support/file-server';
import { repoRoot } from '../../support/paths';
import { closeServer, listenOnLoopback } from '../../support/running-bot';

// Files shared in the personal chat, end to end: the real restify server and CloudAdapter, a FAKE Bot
// Connector (Teams cannot run here) and a local HTTP server standing in for the SharePoint download URL
// (listed in FILE_DOWNLOAD_HOSTS as 127.0.0.1).

const fixture = (...p: string[]) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', ...p));

describe('bot end-to-end: files shared in Teams (local file server as FAKE SharePoint)', () => {
  const stub = new ConnectorStub();
  const files = new FileServer();
  let server: Server;
  let base = '';

  function activity(
    conversationId: string,
    extra: Record<string, unknown>,
    conversationType = 'personal',
  ): Record<string, unknown> {
    return {
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${stub.url}/`,
      from: { id: '29:admin', name: 'A. Admin' },
      recipient: { id: '28:relay-doctor', name: 'Relay Doctor' },
      conversation: { id: conversationId, conversationType, tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      entities:
        conversationType === 'personal'
          ? []
          : [{ type: 'mention', mentioned: { id: '28:relay-doctor' }, text: '<at>Relay Doctor</at>' }],
      ...extra,
    };
  }

  function fileAttachment(name: string, downloadUrl: string) {
    return {
      contentType: FILE_DOWNLOAD_INFO,
      name,
      content: { downloadUrl, uniqueId: randomUUID(), fileType: path.extname(name).slice(1) },
    };
  }

  async function send(body: Record<string, unknown>): Promise<ConnectorCall[]> {
    const mark = stub.calls.length;
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200);
    return stub.calls.slice(mark).filter((c) => c.method === 'POST');
  }

  const texts = (calls: ConnectorCall[]) => calls.map((c) => String(c.activity.text ?? ''));

  before(async () => {
    await stub.start();
    await files.start();
    files
      .route('/ndr-5764.msg', { body: fixture('files', 'ndr-5764.msg') })
      .route('/forwarded.msg', { body: fixture('files', 'forwarded-dsn-5751.msg') })
      .route('/dsn.eml', { body: fixture('ndr', 'dsn-5751.eml') })
      // PowerShell 5's `> file.txt` writes UTF-16LE with a byte-order mark.
      .route('/inbound.txt', {
        body: Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          Buffer.from(fixture('powershell', 'inbound-cert-onpremises.txt').toString('utf8'), 'utf16le'),
        ]),
      })
      .route('/renamed-picture.txt', { body: fixture('..', '..', 'manifest', 'color.png') })
      .route('/slow.txt', { stall: true })
      .route('/hop', { redirect: '/dsn.eml' })
      .route('/away', { redirect: `http://localhost:${files.port}/dsn.eml` });
    server = createServer(
      loadConfig({
        PORT: '0',
        MicrosoftAppId: '',
        LIVE_CHECKS: 'off',
        FILE_DOWNLOAD_HOSTS: '127.0.0.1',
        FILE_TIMEOUT_MS: '1500',
      }),
      { logger: silentLogger, engine: walkEngine },
    );
    base = await listenOnLoopback(server);
  });

  after(async () => {
    await closeServer(server);
    await files.stop();
    await stub.stop();
  });

  it('a .msg NDR saved from Outlook is downloaded, read and diagnosed like a paste', async () => {
    const conv = `a:files-${randomUUID()}`;
    const replies = await send(
      activity(conv, {
        text: '',
        attachments: [fileAttachment('Undeliverable Alert.msg', files.url('/ndr-5764.msg'))],
      }),
    );
    assert.ok(files.requests.includes('/ndr-5764.msg'));
    assert.match(texts(replies)[0], /Undeliverable Alert\.msg: delivery report \(exchange2013\)/);
    const question = replies.map((c) => questionOf({ ...c.activity, id: c.assignedId } as never)).find(Boolean);
    assert.ok(question, 'the diagnosis started and asks its first question');
    const fix = await send(activity(conv, { text: 'show fix' }));
    const verdict = fix.map((c) => verdictOf(c.activity as never)).find(Boolean);
    assert.equal(verdict?.family, 'eop-relay-denied');
  });

  it('a forwarded .msg is read with its attachment: the DSN inside is found', async () => {
    const conv = `a:files-${randomUUID()}`;
    const replies = await send(
      activity(conv, { attachments: [fileAttachment('FW Undeliverable.msg', files.url('/forwarded.msg'))] }),
    );
    assert.match(texts(replies)[0], /FW Undeliverable\.msg: delivery report \(dsn\)/);
    const fix = await send(activity(conv, { text: 'show fix' }));
    assert.equal(fix.map((c) => verdictOf(c.activity as never)).find(Boolean)?.family, 'eop-relay-denied');
  });

  it('several files in one message (.eml bounce + UTF-16 Get-InboundConnector output) are diagnosed together', async () => {
    const conv = `a:files-${randomUUID()}`;
    const replies = await send(
      activity(conv, {
        attachments: [
          fileAttachment('bounce.eml', files.url('/dsn.eml')),
          fileAttachment('inbound.txt', files.url('/inbound.txt')),
        ],
      }),
    );
    const read = texts(replies)[0];
    assert.match(read, /Read 2 files/);
    assert.match(read, /bounce\.eml: delivery report \(dsn\)/);
    assert.match(read, /inbound\.txt: Get-InboundConnector output/);
    // The pasted connector answers the connector question: it is never asked.
    const asked = replies
      .map((c) => questionOf({ ...c.activity, id: c.assignedId } as never)?.questionId)
      .filter(Boolean);
    assert.ok(!asked.includes('case2.inbound-connector'), `asked ${asked.join(', ')}`);
  });

  it('a file from a host not in FILE_DOWNLOAD_HOSTS is refused and never fetched (no SSRF)', async () => {
    const conv = `a:files-${randomUUID()}`;
    const before = files.requests.length;
    const replies = await send(
      activity(conv, {
        attachments: [
          fileAttachment('a.eml', `http://localhost:${files.port}/dsn.eml`),
          fileAttachment('b.eml', 'https://169.254.169.254/latest/meta-data/'),
          fileAttachment('c.eml', 'file:///etc/passwd'),
        ],
      }),
    );
    assert.equal(files.requests.length, before, 'nothing was requested');
    assert.equal(replies.length, 3);
    for (const t of texts(replies)) assert.match(t, /does not come from your organization's OneDrive or SharePoint/);
  });

  it('a redirect to another host is refused; a redirect on the same host is followed', async () => {
    const conv = `a:files-${randomUUID()}`;
    const before = files.requests.length;
    const away = await send(activity(conv, { attachments: [fileAttachment('away.eml', files.url('/away'))] }));
    assert.deepEqual(files.requests.slice(before), ['/away'], 'the redirect target was not fetched');
    assert.match(texts(away)[0], /does not come from your organization's OneDrive or SharePoint/);
    const hop = await send(activity(conv, { attachments: [fileAttachment('hop.eml', files.url('/hop'))] }));
    assert.match(texts(hop)[0], /hop\.eml: delivery report \(dsn\)/);
  });

  it('content is sniffed, not trusted by extension: a picture named .txt is refused; a stalled download times out', async () => {
    const conv = `a:files-${randomUUID()}`;
    const picture = await send(
      activity(conv, { attachments: [fileAttachment('ndr.txt', files.url('/renamed-picture.txt'))] }),
    );
    assert.match(texts(picture)[0], /cannot read ndr\.txt: it is not an e-mail/);
    const slow = await send(activity(conv, { attachments: [fileAttachment('slow.txt', files.url('/slow.txt'))] }));
    assert.match(texts(slow)[0], /could not download slow\.txt/);
  });

  it('in a channel the bot says how to share the bounce instead of downloading', async () => {
    const before = files.requests.length;
    const replies = await send(
      activity(
        `19:channel-${randomUUID()}`,
        { text: '<at>Relay Doctor</at>', attachments: [fileAttachment('x.eml', files.url('/dsn.eml'))] },
        'channel',
      ),
    );
    assert.deepEqual(texts(replies), [SHARE_IN_CHANNEL]);
    assert.equal(files.requests.length, before);
  });
});

describe('bot end-to-end: file size limit', () => {
  const stub = new ConnectorStub();
  const files = new FileServer();
  let server: Server;
  let base = '';

  before(async () => {
    await stub.start();
    await files.start();
    files.route('/big.log', { body: 'Remote Server returned 550 5.7.64\n'.repeat(100) });
    server = createServer(
      loadConfig({
        PORT: '0',
        MicrosoftAppId: '',
        LIVE_CHECKS: 'off',
        FILE_DOWNLOAD_HOSTS: '127.0.0.1',
        FILE_MAX_BYTES: '1024',
      }),
      { logger: silentLogger, engine: walkEngine },
    );
    base = await listenOnLoopback(server);
  });

  after(async () => {
    await closeServer(server);
    await files.stop();
    await stub.stop();
  });

  it('a file over FILE_MAX_BYTES is not read', async () => {
    const mark = stub.calls.length;
    const body = {
      type: 'message',
      id: `act-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: `${stub.url}/`,
      from: { id: '29:admin' },
      recipient: { id: '28:relay-doctor' },
      conversation: { id: `a:big-${randomUUID()}`, conversationType: 'personal' },
      attachments: [
        { contentType: FILE_DOWNLOAD_INFO, name: 'big.log', content: { downloadUrl: files.url('/big.log') } },
      ],
    };
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200);
    const replies = stub.calls.slice(mark).map((c) => String(c.activity.text ?? ''));
    assert.equal(replies.length, 1);
    assert.match(replies[0], /big\.log: it is larger than I accept/);
  });
});
