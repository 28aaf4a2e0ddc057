import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type ChromiumHandle, launchChromium, type LoopbackContext } from '../../scripts/chromium';
import { type PlaygroundHandle, startPlayground } from '../../scripts/playground';
import { isAlive, pngSize, requireChromium, screenshotDir } from '../support/browser/browser-support';
import {
  type BotMessage,
  type CardJsonLike,
  PlaygroundChat,
  questionOf,
  submitActions,
} from '../support/browser/playground-chat';
import { pasteFixture } from '../support/paste-fixture';
import { repoRoot } from '../support/paths';

const NDR_2010_5764 = pasteFixture('exchange2010-5764-display-name');

// The conversation in a real client at Teams' chat width: answers typed in words, a nonsense answer asked
// again and then offered as buttons, a text answer refused, help as a card with the open question sent
// again, and "cancel" turning the open card into a read-only "cancelled" card.

/** Roughly the width of the Teams chat column (the card area of a 1:1 chat on a laptop). */
const TEAMS_WIDTH = { width: 560, height: 900 };
/** Each bot reply may take a while when the machine is busy (the suite runs beside other work). */
const SLOW = 120_000;

function ids(card: CardJsonLike | undefined): string[] {
  const found: string[] = [];
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.id === 'string') found.push(o.id);
      Object.values(o).forEach(visit);
    }
  };
  visit(card?.body);
  return found;
}

function inputsOf(card: CardJsonLike | undefined): number {
  return JSON.stringify(card ?? {}).match(/"type":"Input\./g)?.length ?? 0;
}

async function shot(chat: PlaygroundChat, message: BotMessage, name: string): Promise<void> {
  await chat.waitForRendered();
  await chat.cardOf(message).scrollIntoViewIfNeeded();
  await chat.page.waitForTimeout(250);
  const file = path.join(screenshotDir(), `${name}.png`);
  await chat.page.screenshot({ path: file });
  assert.ok(pngSize(file).width >= TEAMS_WIDTH.width, file);
}

/** At a chat column's width the Playground's log panel covers the chat: close it (its last header button). */
async function closeLogPanel(chat: PlaygroundChat): Promise<void> {
  const title = chat.page.getByText('Log Panel', { exact: true });
  if ((await title.count()) === 0) return;
  await title.locator('xpath=..').locator('button').last().click();
  await title.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
}

describe('browser: typed answers, retry buttons, help card and cancel in the Agents Playground (Chromium)', function () {
  requireChromium(this);
  this.timeout(480_000);
  let chrome: ChromiumHandle | undefined;
  let playground: PlaygroundHandle | undefined;
  let loopback: LoopbackContext | undefined;
  let workDir: string;
  const pids: number[] = [];

  before(async () => {
    assert.ok(
      fs.existsSync(path.join(repoRoot, 'dist', 'bot', 'index.js')),
      'build first: dist/bot/index.js is missing',
    );
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-conversation-'));
    chrome = await launchChromium();
    pids.push(chrome.pid);
    playground = await startPlayground({
      repoRoot,
      cwd: workDir,
      playgroundPort: 0,
      botPort: 0,
      botEnv: { LIVE_CHECKS: 'off' },
    });
    pids.push(playground.botPid, playground.playgroundPid);
    loopback = await chrome.newLoopbackContext(TEAMS_WIDTH);
    // The Playground's page is large; on a busy machine its first load takes longer than playwright's 30 s.
    loopback.context.setDefaultNavigationTimeout(180_000);
    loopback.context.setDefaultTimeout(60_000);
  });

  let chatForDump: PlaygroundChat | undefined;
  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !chatForDump) return;
    const dir = path.join(repoRoot, '.tmp', 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    await chatForDump.page
      .screenshot({ path: path.join(dir, `failed-conversation-${Date.now()}.png`) })
      .catch(() => undefined);
    process.stdout.write(
      `  sent: ${JSON.stringify(chatForDump.sentTexts)}\n  bot: ${JSON.stringify(chatForDump.messages.map((m) => m.text ?? ids(m.cards[0])))}\n`,
    );
    process.stdout.write(`  bot output:\n${playground?.botOutput().slice(-3000) ?? ''}\n`);
  });

  after(async () => {
    await loopback?.context.close().catch(() => undefined);
    await playground?.stop();
    await chrome?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
    assert.deepEqual(pids.filter(isAlive), []);
  });

  it('a walk in typed words, with a retry card, the help card and a cancelled card', async () => {
    const chat = await PlaygroundChat.open(loopback!.context, playground!.url);
    chatForDump = chat;
    await chat.waitFor('the welcome card', () => chat.cardMessages().length > 0, 60_000);
    await closeLogPanel(chat);
    const newest = () => chat.cardMessages().at(-1);
    // The open question card after a given message (answered cards lose their question data, so count from there).
    const questionAfter = (prev?: BotMessage) =>
      chat.messages
        .slice(prev ? chat.messages.indexOf(prev) + 1 : 0)
        .find((m) => m.cards[0] && questionOf(m.cards[0]) && !ids(m.cards[0]).includes('retry-question'));

    await chat.paste(NDR_2010_5764);
    const q1 = await chat.waitFor('the first question', () => questionAfter(), SLOW);
    assert.equal(questionOf(q1.cards[0])?.id, 'case2.inbound-connector');
    await shot(chat, q1, 'conversation-0-question');

    // A sentence in words answers the first question.
    await chat.type('yes, it exists and it is enabled');
    const q2 = await chat.waitFor('the second question', () => questionAfter(q1), SLOW);
    assert.equal(questionOf(q2.cards[0])?.id, 'case2.auth-method');
    await chat.waitFor('the first card marked answered', () => q1.updates > 0, SLOW);
    assert.equal(inputsOf(q1.cards[0]), 0);

    // Twice nonsense: asked again in words, then the choices as buttons with a skip.
    const before = chat.messages.length;
    await chat.type('banana');
    await chat.waitFor('the re-ask', () => chat.messages.length > before, SLOW);
    await chat.type('purple');
    const retry = await chat.waitFor(
      'the buttons card',
      () => chat.cardMessages().find((m) => ids(m.cards[0]).includes('retry-question')),
      SLOW,
    );
    await shot(chat, retry, 'conversation-1-retry-buttons');
    const buttonTitle = submitActions(retry.cards[0]).find((a) => a.data?.answer === 'certificate')?.title;
    assert.ok(buttonTitle);
    await chat.cardOf(retry).getByRole('button', { name: buttonTitle, exact: true }).click();
    const q3 = await chat.waitFor('the certificate name question', () => questionAfter(retry), SLOW);
    assert.equal(questionOf(q3.cards[0])?.id, 'case2.connector-certificate-name');
    await chat.waitFor('both cards answered', () => q2.updates > 0 && retry.updates > 0, SLOW);

    // "Yes" is no certificate name: asked again, nothing recorded, the card stays open.
    const beforeYes = chat.messages.length;
    await chat.type('Yes');
    await chat.waitFor('the re-ask', () => chat.messages.length > beforeYes, SLOW);
    assert.equal(q3.updates, 0, 'the question is still open');

    // Help: the help card, then the open question again below.
    await chat.type('help');
    const help = await chat.waitFor(
      'the help card',
      () => chat.cardMessages().find((m) => ids(m.cards[0]).includes('help-card')),
      SLOW,
    );
    const q3again = await chat.waitFor('the question again', () => questionAfter(help), SLOW);
    assert.equal(questionOf(q3again.cards[0])?.id, 'case2.connector-certificate-name');
    await shot(chat, help, 'conversation-2-help');

    // Cancel: the open card says so and has nothing left to click.
    await chat.type('cancel');
    await chat.waitFor('the open card closed', () => q3again.updates > 0, SLOW);
    assert.ok(ids(q3again.cards[0]).includes('question-cancel'));
    assert.equal(inputsOf(q3again.cards[0]), 0);
    assert.equal(submitActions(q3again.cards[0]).length, 0);
    assert.ok(newest());
    await shot(chat, q3again, 'conversation-3-cancelled');
  });
});
