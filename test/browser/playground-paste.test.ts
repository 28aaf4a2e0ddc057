import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { type ChromiumHandle, launchChromium, type LoopbackContext } from '../../scripts/chromium';
import { type PlaygroundHandle, startPlayground } from '../../scripts/playground';
import { isAlive, requireChromium } from '../support/browser/browser-support';
import {
  MESSAGE_BOX,
  PlaygroundChat,
  questionOf,
  verdictOf,
  type VerdictSummary,
} from '../support/browser/playground-chat';
import { pasteFixture } from '../support/paste-fixture';
import { repoRoot } from '../support/paths';

const NDR_2010_5764 = pasteFixture('exchange2010-5764-display-name');

// A real clipboard paste in the Agents Playground: the text is written to the browser's clipboard
// (clipboard permissions granted), Ctrl+V is pressed in the Lexical editor, Enter sends it. The
// Playground hands the bot the paste without its line breaks; the bot must still read the cmdlet output
// and the verdict must rest on it (pasted configuration rules causes out, answers never do).

const PS_DIR = path.join(repoRoot, 'test', 'fixtures', 'powershell');

/** A fixture as pasted from the console: the fixture's `# ` header comments left out. */
function consoleOutput(file: string): string {
  return fs
    .readFileSync(path.join(PS_DIR, file), 'utf8')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => !l.startsWith('# '))
    .join('\n')
    .trim();
}

type BrowserGlobals = {
  navigator: { clipboard: { writeText(t: string): Promise<void>; readText(): Promise<string> } };
};

/** Put the text on the clipboard, press Ctrl+V in the message box, check it arrived there, send it. */
async function clipboardPaste(chat: PlaygroundChat, text: string): Promise<void> {
  await chat.page.evaluate((t) => (globalThis as unknown as BrowserGlobals).navigator.clipboard.writeText(t), text);
  assert.equal(
    await chat.page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText()),
    text,
  );
  const box = chat.page.locator(MESSAGE_BOX);
  await box.click();
  await chat.page.keyboard.press('Control+V');
  const firstLine = text
    .split('\n')
    .find((l) => l.trim() !== '')!
    .trim()
    .slice(0, 20);
  await chat.page.waitForFunction(
    ([sel, want]) => {
      const g = globalThis as unknown as {
        document: { querySelector(s: string): { textContent: string | null } | null };
      };
      return (g.document.querySelector(sel)?.textContent ?? '').includes(want);
    },
    [MESSAGE_BOX, firstLine] as [string, string],
    { timeout: 10_000 },
  );
  await chat.page.keyboard.press('Enter');
}

describe('browser: a real clipboard paste of cmdlet output in the Agents Playground (Chromium)', function () {
  requireChromium(this);
  this.timeout(180_000);
  let chrome: ChromiumHandle | undefined;
  let playground: PlaygroundHandle | undefined;
  let loopback: LoopbackContext | undefined;
  let workDir: string;
  const pids: number[] = [];

  before(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relay-doctor-paste-'));
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
  });

  after(async () => {
    await loopback?.context.close().catch(() => undefined);
    await playground?.stop();
    await chrome?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
    assert.deepEqual(pids.filter(isAlive), []);
  });

  it('NDR, then Get-SendConnector and Get-InboundConnector | Format-List pasted at the question: a verdict that uses them', async () => {
    loopback = await chrome!.newLoopbackContext({ width: 1280, height: 900 });
    await loopback.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: playground!.url });
    const chat = await PlaygroundChat.open(loopback.context, playground!.url);
    await chat.waitFor('the welcome card', () => chat.cardMessages().length > 0, 60_000);

    await clipboardPaste(chat, NDR_2010_5764);
    const first = await chat.nextQuestion(1);
    assert.ok(!('verdict' in first), 'the NDR alone should leave questions open');
    const seen = chat.cardMessages().indexOf(first.message) + 1;

    const output = [
      '[PS] C:\\Windows\\system32>Get-SendConnector "Outbound to Office 365" | Format-List',
      consoleOutput('send-eop-healthy.txt')
        .replace(/^\[PS\].*$/gm, '')
        .trim(),
      '',
      'PS C:\\> Get-InboundConnector | Format-List',
      consoleOutput('inbound-wrong-cert-name.txt')
        .replace(/^PS .*$/gm, '')
        .trim(),
    ].join('\n');
    assert.ok(output.split('\n').length > 40, 'a multi-line paste');
    await clipboardPaste(chat, output);

    const sent = await chat.waitFor('the pasted output to be sent', () =>
      chat.sentTexts.find((t) => /AddressSpaces/.test(t)),
    );
    assert.match(sent, /TlsSenderCertificateName/);
    const next = await chat.nextQuestion(seen);
    const verdict: VerdictSummary =
      'verdict' in next ? next.verdict : assert.fail(`asked ${questionOf(next.message.cards[0])?.id} after the paste`);
    const status = (id: string) => verdict.statuses[verdict.causes.indexOf(id)];
    assert.equal(verdict.family, 'eop-relay-denied');
    // The inbound connector expects another certificate name than the Send connector presents.
    assert.equal(verdict.causes[0], 'inbound-connector.certificate-mismatch');
    assert.ok(
      ['confirmed', 'likely'].includes(status('inbound-connector.certificate-mismatch')),
      status('inbound-connector.certificate-mismatch'),
    );
    // Only the pasted configuration can rule these out: an enabled OnPremises connector, a Send connector
    // through the tenant's EOP endpoint with TLS required.
    for (const id of [
      'inbound-connector.missing',
      'inbound-connector.disabled',
      'inbound-connector.wrong-type',
      'send-connector.wrong-smart-host',
      'send-connector.tls-not-required',
    ]) {
      assert.equal(status(id), 'ruled-out', id);
    }
    assert.ok(chat.cardMessages().some((m) => m.cards.some((c) => verdictOf(c))));
  });
});
