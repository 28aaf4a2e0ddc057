import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { FILE_DOWNLOAD_INFO } from '../../bot/files/file-attachments';
import { type ChromiumHandle, launchChromium, type LoopbackContext } from '../../scripts/chromium';
import { type PlaygroundHandle, startPlayground } from '../../scripts/playground';
import { isAlive, pngSize, requireChromium, screenshotDir } from '../support/browser/browser-support';
import { CARD, PlaygroundChat, verdictOf } from '../support/browser/playground-chat';
import { FileServer } from '../support/file-server';
import { pasteFixture } from '../support/paste-fixture';
import { repoRoot } from '../support/paths';

const NDR_2010_5764 = pasteFixture('exchange2010-5764-display-name');

// A file sent in the 1:1 chat, driven through the Agents Playground's own "Mock an Activity" →
// "Custom activity" editor (the way the Playground lets a user send any activity): the template it
// fills in (its conversation, its serviceUrl) is copied out of the Monaco editor, a Teams
// file.download.info attachment is added, and the edited JSON is pasted back and sent. The downloadUrl
// points at a local HTTP server standing in for SharePoint (FAKE), allowed through FILE_DOWNLOAD_HOSTS.
// Then, in the same chat, the message extension action on a pasted bounce (second test).

type BrowserGlobals = {
  navigator: { clipboard: { writeText(t: string): Promise<void>; readText(): Promise<string> } };
};

const EDITOR = '.monaco-editor';

async function readClipboard(chat: PlaygroundChat): Promise<string> {
  return chat.page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText());
}

/** Open Mock an Activity → Custom activity, edit the template it shows, send it. */
async function sendCustomActivity(
  chat: PlaygroundChat,
  edit: (template: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const page = chat.page;
  await page.getByRole('button', { name: 'Mock an Activity' }).click();
  await page.getByText('Custom activity', { exact: true }).first().click();
  const editor = page.locator(EDITOR).first();
  await editor.waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () =>
      (
        (
          globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }
        ).document.querySelector('.monaco-editor .view-lines')?.textContent ?? ''
      ).includes('conversation'),
    undefined,
    { timeout: 30_000 },
  );
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const template = JSON.parse(await readClipboard(chat)) as Record<string, unknown>;
  const edited = JSON.stringify(edit(template), null, 2);
  await page.evaluate((t) => (globalThis as unknown as BrowserGlobals).navigator.clipboard.writeText(t), edited);
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
  // What the editor now holds is what will be sent: check the paste landed whole.
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  assert.deepEqual(JSON.parse(await readClipboard(chat)), JSON.parse(edited));
  await page.getByRole('button', { name: 'Send activity' }).click();
}

describe('browser: Teams-native ways in through the Agents Playground: a file in the 1:1 chat (local file server as FAKE SharePoint), the diagnoseMessage action (Chromium)', function () {
  requireChromium(this);
  this.timeout(180_000);
  let chrome: ChromiumHandle | undefined;
  let playground: PlaygroundHandle | undefined;
  let loopback: LoopbackContext | undefined;
  let shared: PlaygroundChat | undefined;
  const files = new FileServer();
  let workDir: string;
  const pids: number[] = [];

  before(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-teams-native-'));
    await files.start();
    files.route('/ndr-5764.msg', {
      body: fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'files', 'ndr-5764.msg')),
    });
    chrome = await launchChromium();
    pids.push(chrome.pid);
    playground = await startPlayground({
      repoRoot,
      cwd: workDir,
      playgroundPort: 0,
      botPort: 0,
      botEnv: { LIVE_CHECKS: 'off', FILE_DOWNLOAD_HOSTS: '127.0.0.1' },
    });
    pids.push(playground.botPid, playground.playgroundPid);
  });

  after(async () => {
    await loopback?.context.close().catch(() => undefined);
    await playground?.stop();
    await chrome?.close();
    await files.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
    assert.deepEqual(pids.filter(isAlive), []);
  });

  it('a .msg NDR attached as a Teams file (file.download.info) is downloaded, read and diagnosed to a verdict card', async () => {
    loopback = await chrome!.newLoopbackContext({ width: 1280, height: 900 });
    await loopback.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: playground!.url });
    const chat = await PlaygroundChat.open(loopback.context, playground!.url);
    shared = chat;
    await chat.waitFor('the welcome card', () => chat.cardMessages().length > 0, 60_000);
    const before = chat.cardMessages().length;

    await sendCustomActivity(chat, (t) => ({
      ...t,
      id: randomUUID(),
      type: 'message',
      text: '',
      attachments: [
        {
          contentType: FILE_DOWNLOAD_INFO,
          name: 'Undeliverable Alert.msg',
          content: { downloadUrl: files.url('/ndr-5764.msg'), uniqueId: randomUUID(), fileType: 'msg' },
        },
      ],
    }));

    const first = await chat.nextQuestion(before);
    assert.deepEqual(files.requests, ['/ndr-5764.msg'], 'the bot fetched the file from its downloadUrl');
    assert.ok(!('verdict' in first), 'the NDR alone leaves questions open');
    assert.ok(
      chat.messages.some((m) => /Undeliverable Alert\.msg: delivery report/.test(m.text ?? '')),
      'the bot says which file it read',
    );
    await chat.waitForRendered();
    const shot1 = path.join(screenshotDir(), 'playground-file-read.png');
    await chat.page.screenshot({ path: shot1 });
    assert.ok(pngSize(shot1).width > 0);

    const seen = chat.cardMessages().length;
    await chat.type('show fix');
    const next = await chat.nextQuestion(seen);
    const verdict = 'verdict' in next ? next.verdict : assert.fail('no verdict after show fix');
    assert.equal(verdict.family, 'eop-relay-denied');
    assert.ok(verdict.causes.length > 0);
    assert.ok(
      chat
        .cardMessages()
        .slice(seen)
        .some((m) => m.cards.some((c) => verdictOf(c))),
    );
    await chat.waitForRendered();
    // The verdict comes in parts; the picture shows the first (the summary), the ids ride on the last.
    const verdictCard = chat.cardOf(chat.cardMessages()[seen]);
    await verdictCard.evaluate((el) =>
      (el as unknown as { scrollIntoView(o: unknown): void }).scrollIntoView({ block: 'start' }),
    );
    const shot2 = path.join(screenshotDir(), 'playground-file-verdict.png');
    await chat.page.screenshot({ path: shot2 });
    assert.ok(pngSize(shot2).width > 0);
  });

  // The Playground's "..." on a message offers "Action Command": it asks for the command id and how to
  // build the dialog. "Adaptive Cards" sends composeExtension/fetchTask, which this bot does not answer
  // (its manifest command has fetchTask false: Teams goes straight to submitAction); "Static list of
  // parameters" renders the parameters card whose Submit sends composeExtension/submitAction with the
  // message as messagePayload, as Teams does.
  it('"..." on the pasted bounce → Action Command diagnoseMessage: the verdict card in the dialog', async () => {
    const chat = shared ?? assert.fail('runs after the file test, in the same chat');
    const page = chat.page;
    const seen = chat.cardMessages().length;
    await chat.paste(NDR_2010_5764);
    await chat.nextQuestion(seen);
    const invokes: Array<{ request: Record<string, unknown>; response: Record<string, unknown> }> = [];
    page.on('response', async (r) => {
      if (!r.url().endsWith('/_conversation/v1/invoke')) return;
      invokes.push({
        request: JSON.parse(r.request().postData() ?? '{}') as Record<string, unknown>,
        response: (await r.json().catch(() => ({}))) as Record<string, unknown>,
      });
    });

    // The user's own message: the innermost block holding a "..." button and the bounce but no bot name
    // (the Playground's class names are generated, so it is found by what it contains).
    const userMessage = page
      .locator(
        'xpath=//*[.//button[@aria-label="Show more information"] and contains(., "TenantAttribution") and not(contains(., "Test Bot"))]',
      )
      .last();
    await userMessage.hover();
    await userMessage.getByRole('button', { name: 'Show more information' }).click({ force: true });
    await page.getByRole('menuitem', { name: 'Action Command' }).click();
    await page.getByPlaceholder('Input command id or leave blanks').fill('diagnoseMessage');
    await page.getByRole('radio', { name: /Static list of parameters/ }).check();
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('button', { name: 'Submit' }).click();

    const call = await chat.waitFor('the submitAction invoke and its answer', () =>
      invokes.find((i) => Object.keys(i.response).length > 0),
    );
    const value = call.request.value as {
      commandId: string;
      commandContext: string;
      messagePayload: { body: { contentType: string; content: string } };
    };
    assert.equal(call.request.name, 'composeExtension/submitAction');
    assert.equal(value.commandId, 'diagnoseMessage');
    assert.equal(value.commandContext, 'message');
    assert.match(
      value.messagePayload.body.content,
      /550 5\.7\.64 TenantAttribution/,
      'the Playground sent the pasted bounce as the message',
    );
    const task = call.response.task as {
      type: string;
      value: {
        card: { contentType: string; content: { actions: Array<{ type: string; title: string; url: string }> } };
      };
    };
    assert.equal(task.type, 'continue');
    assert.equal(task.value.card.contentType, 'application/vnd.microsoft.card.adaptive');
    const [open] = task.value.card.content.actions;
    assert.equal(open.type, 'Action.OpenUrl');
    assert.ok(
      new URL(open.url).searchParams.get('message')?.includes('550 5.7.64 TenantAttribution'),
      'continue-in-chat link carries the bounce',
    );
    assert.ok(
      JSON.stringify(task.value.card.content).includes('550 5.7.64 TenantAttribution'),
      'the card shows the reply line it rests on',
    );

    // The Playground renders that card in its dialog.
    const dialog = page.getByRole('dialog');
    await dialog.locator(CARD).first().waitFor({ timeout: 30_000 });
    await page.locator(CARD, { hasText: open.title }).last().waitFor({ timeout: 10_000 });
    await dialog.getByText('TenantAttribution', { exact: false }).first().waitFor({ timeout: 10_000 });
    const shot = path.join(screenshotDir(), 'playground-message-extension-dialog.png');
    await page.screenshot({ path: shot });
    assert.ok(pngSize(shot).width > 0);
  });
});
