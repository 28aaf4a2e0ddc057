import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type ChromiumHandle, launchChromium, type LoopbackContext } from '../../scripts/chromium';
import { type PlaygroundHandle, startPlayground } from '../../scripts/playground';
import { isAlive, pngSize, requireChromium, screenshotDir } from '../support/browser/browser-support';
import { monospaceRuns, PlaygroundChat, verdictOf, type VerdictSummary } from '../support/browser/playground-chat';
import { pasteFixture } from '../support/paste-fixture';
import { repoRoot } from '../support/paths';

const LASTERROR_ATTR35 = pasteFixture('queue-lasterror-attr35');
/** A FOPE-era smart host (docs/knowledge.md#endpoints): unsupported since the move to EOP. */
const LEGACY_FOPE_SMART_HOST = 'mail.global.frontbridge.com';
const NDR_2010_5764 = pasteFixture('exchange2010-5764-display-name');

// End to end in a real client: the built bot (anonymous mode) behind the Microsoft 365 Agents Playground,
// driven in headless Chromium. A report is pasted, the card prompts are answered by clicking and typing,
// and the verdict card must carry the expected family and cause ids and show its fix steps.
//
// The Playground (0.2.28) sends a pasted multi-line text with its line breaks removed; the engine must
// and does diagnose the report all the same.

/** Answers by question id; a question without an entry fails the walk (the engine changed its mind). */
type Answers = Record<string, string>;

async function shot(chat: PlaygroundChat, name: string): Promise<string> {
  const file = path.join(screenshotDir(), `${name}.png`);
  await chat.page.screenshot({ path: file });
  assert.ok(pngSize(file).width > 300, file);
  return file;
}

/** Answer every question the bot asks until a verdict arrives; returns the verdict and the ids asked. */
async function walk(
  chat: PlaygroundChat,
  answers: Answers,
  shotPrefix: string,
): Promise<{ verdict: VerdictSummary; asked: string[]; clicked: number }> {
  const asked: string[] = [];
  let clicked = 0;
  let seen = 1; // the welcome card
  for (let turn = 0; turn < 10; turn++) {
    const next = await chat.nextQuestion(seen);
    if ('verdict' in next) return { verdict: next.verdict, asked, clicked };
    const { message, question } = next;
    assert.ok(question.id in answers, `unexpected question ${question.id} (asked so far: ${asked.join(', ')})`);
    asked.push(question.id);
    await chat.waitForRendered();
    if (turn === 0) await shot(chat, `${shotPrefix}-1-question`);
    if (question.choices) clicked += 1;
    await chat.answer(message, answers[question.id]);
    // The card is replaced by its read-only "answered" version: no inputs left to click.
    await chat.waitFor(`${question.id} to be marked answered`, () => message.updates > 0);
    assert.equal(questionInputs(message.cards[0]), 0, `${question.id}: the answered card still has inputs`);
    seen = chat.cardMessages().indexOf(message) + 1;
  }
  throw new Error(`no verdict after 10 questions: ${asked.join(', ')}`);
}

function questionInputs(card: unknown): number {
  return JSON.stringify(card).match(/"type":"Input\./g)?.length ?? 0;
}

describe('browser: the bot in the Microsoft 365 Agents Playground (Chromium)', function () {
  requireChromium(this);
  this.timeout(180_000);
  let chrome: ChromiumHandle | undefined;
  let playground: PlaygroundHandle | undefined;
  let loopback: LoopbackContext | undefined;
  let chat: PlaygroundChat;
  let workDir: string;
  const pids: number[] = [];

  before(async () => {
    assert.ok(
      fs.existsSync(path.join(repoRoot, 'dist', 'bot', 'index.js')),
      'build first: dist/bot/index.js is missing',
    );
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-playground-'));
    chrome = await launchChromium();
    pids.push(chrome.pid);
  });

  beforeEach(async () => {
    // A fresh bot and Playground per walk: the Playground keeps its conversation across page loads.
    // Live DNS checks off: tests never reach beyond 127.0.0.1.
    playground = await startPlayground({
      repoRoot,
      cwd: workDir,
      playgroundPort: 0,
      botPort: 0,
      botEnv: { LIVE_CHECKS: 'off' },
    });
    pids.push(playground.botPid, playground.playgroundPid);
    loopback = await chrome!.newLoopbackContext({ width: 1280, height: 900 });
    chat = await PlaygroundChat.open(loopback.context, playground.url);
    await chat.waitFor('the welcome card', () => chat.cardMessages().length > 0, 60_000);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && chat) {
      const dir = path.join(repoRoot, '.tmp', 'screenshots');
      fs.mkdirSync(dir, { recursive: true });
      await chat.page.screenshot({ path: path.join(dir, `failed-${Date.now()}.png`) }).catch(() => undefined);
      process.stdout.write(`  bot output:\n${playground?.botOutput().slice(-3000) ?? ''}\n`);
    }
    await loopback?.context.close().catch(() => undefined);
    await playground?.stop();
    playground = undefined;
  });

  after(async () => {
    await chrome?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
    // Every process the suite started is gone (killed by PID, with its process group).
    assert.deepEqual(pids.filter(isAlive), []);
  });

  it('550 5.7.64: paste the NDR, answer the card prompts by clicking, get the verdict with fix steps', async () => {
    await chat.paste(NDR_2010_5764);
    const sent = await chat.waitFor('the pasted report to be sent', () => chat.sentTexts[0]);
    assert.match(sent, /550 5\.7\.64 TenantAttribution/);
    const { verdict, asked, clicked } = await walk(
      chat,
      {
        'case2.inbound-connector': 'onpremises-enabled',
        'case2.auth-method': 'certificate',
        'case2.connector-certificate-name': 'mail.contoso.com',
        'case2.presented-certificate-name': 'ex2010.contoso.local',
        'case2.accepted-domain': 'yes',
        'case1.require-tls': 'yes',
        domain: 'contoso.com',
      },
      'playground-relay-denied',
    );
    assert.ok(clicked >= 1, `no question was answered by clicking: ${asked.join(', ')}`);
    assert.equal(verdict.family, 'eop-relay-denied');
    assert.equal(verdict.causes[0], 'inbound-connector.certificate-mismatch');
    assert.ok(['confirmed', 'likely'].includes(verdict.statuses[0]), verdict.statuses[0]);
    await expectFixStepsShown(chat, 'playground-relay-denied');
  });

  it('Case 1: the Send connector points at a legacy FOPE host; the verdict names it and shows the fix', async () => {
    await chat.paste(LASTERROR_ATTR35);
    const { verdict, asked } = await walk(
      chat,
      {
        'case1.smart-host': LEGACY_FOPE_SMART_HOST,
        'case1.routing': 'smart-host',
        'case1.require-tls': 'yes',
        'case2.inbound-connector': 'onpremises-enabled',
        domain: 'contoso.com',
      },
      'playground-case1-fope',
    );
    assert.ok(asked.includes('case1.smart-host'), `the smart host was never asked: ${asked.join(', ')}`);
    assert.equal(verdict.family, 'eop-wrong-endpoint');
    assert.equal(verdict.causes[0], 'send-connector.legacy-endpoint');
    assert.ok(['confirmed', 'likely'].includes(verdict.statuses[0]), verdict.statuses[0]);
    // The answered card shows the host that was typed, as text.
    await chat.page.getByText(LEGACY_FOPE_SMART_HOST).first().waitFor();
    const runs = await expectFixStepsShown(chat, 'playground-case1-fope');
    assert.ok(
      runs.some((r) => /Set-SendConnector/.test(r)),
      'no Set-SendConnector step',
    );
  });
});

/** Scroll the chat so the element sits near the top of the viewport (minus some context above it). */
async function scrollToTop(target: ReturnType<PlaygroundChat['cards']>, above = 8): Promise<void> {
  await target.evaluate((el, px) => {
    type Scrollable = {
      scrollIntoView(o: object): void;
      parentElement: Scrollable | null;
      scrollHeight: number;
      clientHeight: number;
      scrollTop: number;
    };
    const node = el as unknown as Scrollable;
    node.scrollIntoView({ block: 'start' });
    for (let p = node.parentElement; p; p = p.parentElement) {
      if (p.scrollHeight > p.clientHeight + 1) {
        p.scrollTop -= px;
        break;
      }
    }
  }, above);
  await target.page().waitForTimeout(250); // let the scroll settle before the picture
}

/** The verdict cards are rendered, and their PowerShell fix steps are on screen; screenshots taken. */
async function expectFixStepsShown(chat: PlaygroundChat, prefix: string): Promise<string[]> {
  await chat.waitForRendered();
  const verdictMessages = chat
    .cardMessages()
    .filter((m) => m.cards.some((c) => /Relay Doctor verdict/.test(JSON.stringify(c).slice(0, 400)) || verdictOf(c)));
  assert.ok(verdictMessages.length > 0, 'no verdict cards');
  const runs = verdictMessages.flatMap((m) => m.cards.flatMap(monospaceRuns));
  assert.ok(runs.length > 0, 'the verdict has no PowerShell steps');
  const first = verdictMessages[0];
  await scrollToTop(chat.cardOf(first));
  await shot(chat, `${prefix}-2-verdict`);
  // The first fix command is visible in the page, in the card that holds it.
  const isCmdlet = (r: string) => /^(Set|New|Get|Enable|Remove)-[A-Za-z]+/.test(r);
  const withFix = verdictMessages.find((m) => m.cards.some((c) => monospaceRuns(c).some(isCmdlet)));
  assert.ok(withFix, 'no card with a cmdlet');
  const command = monospaceRuns(withFix.cards[0]).find(isCmdlet) ?? '';
  const fixCard = chat.cardOf(withFix);
  const shown = (await fixCard.innerText()).replace(/\s+/g, '');
  assert.ok(
    shown.includes(command.split('\n')[0].replace(/\s+/g, '')),
    `fix command not shown: ${command.slice(0, 80)}`,
  );
  // For the picture only: start at the fix heading when there is one, else at the command.
  const heading = fixCard.locator('.ac-textBlock', { hasText: /^How to fix it$/ });
  const run = fixCard.locator('.ac-textRun', { hasText: command.split('\n')[0].slice(0, 30) }).first();
  await scrollToTop((await heading.count()) > 0 ? heading.first() : run, 16);
  await shot(chat, `${prefix}-3-fix-steps`);
  return runs;
}
