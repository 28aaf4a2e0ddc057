import assert from 'node:assert/strict';
import path from 'node:path';

import type { Page } from 'playwright-core';

import {
  buildAnsweredCard,
  buildErrorCard,
  buildQuestionCard,
  buildVerdictCards,
  buildWelcomeCard,
  type CardJson,
} from '../../cards';
import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import { buildFacts, diagnose } from '../../engine';
import type { Question } from '../../engine/verdict';
import { type CardPageServer, type RenderReport, startCardPageServer } from '../../scripts/card-page';
import { type ChromiumHandle, launchChromium } from '../../scripts/chromium';
import { HOSTILE, worstCaseVerdict } from '../fixtures/cards/verdicts';
import { isAlive, pngSize, requireChromium, screenshotDir } from '../support/browser/browser-support';
import { repoRoot } from '../support/paths';

// Every card template rendered by the real `adaptivecards` renderer in Chromium with a Teams-like host
// config, worst case first: nothing overflows the column, no user text turns into a link or an image,
// and each card is screenshotted (docs/screenshots/card-*.png via `npm run screenshots`).

function worstQuestion(kind: Question['kind']): Question {
  const long = (seed: string, n: number) => `${seed} ${HOSTILE} `.repeat(Math.ceil(n / 200)).slice(0, n);
  return {
    id: `worst.${kind}`,
    kind,
    case: 'case2',
    prompt: long(
      'Is contoso-com.mail.protection.outlook.com the smart host of "Outbound to Office 365 (EX01.contoso.com)"?',
      600,
    ),
    why: long('Why:', 600),
    choices:
      kind === 'choice'
        ? // Choice titles are the engine's own words (never user text): long, but not hostile.
          Array.from({ length: 6 }, (_, i) => ({
            value: `v${i}`,
            title:
              `Choice ${i}: yes, the connector from our organization's email server is turned on, matches by TlsSenderCertificateName *.mail-relay-gateway-01.eu-west.contoso-subsidiary.com and is scoped to every sender domain`.slice(
                0,
                200,
              ),
          }))
        : undefined,
    command:
      kind === 'text'
        ? undefined
        : long(
            '$FormatEnumerationLimit = -1; Get-SendConnector | Format-List Name,SmartHosts,TlsCertificateName,RequireTLS,TlsAuthLevel,TlsDomain',
            1200,
          ),
    placeholder: 'averyveryverylongplaceholderwithoutanyspaces.mail.protection.outlook.com',
    decides: [],
  };
}

const LONG_PASTE = [
  "Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied [AM5EUR02FT025.eop-EUR02.prod.protection.outlook.com]'",
  HOSTILE,
  'x'.repeat(400),
].join('\n');

/** The typical verdict for the "try an example" NDR, as the engine produces it. */
function exampleVerdict() {
  return diagnose(buildFacts([EXAMPLE_NDR], { answers: { 'case2.inbound-connector': 'none' } }));
}

type Case = { name: string; cards: CardJson[]; shots: number[] };

function cases(): Case[] {
  const worst = buildVerdictCards(worstCaseVerdict());
  return [
    { name: 'welcome', cards: [buildWelcomeCard()], shots: [0] },
    { name: 'question-choice', cards: [buildQuestionCard(worstQuestion('choice'), 'nonce-0001')], shots: [0] },
    { name: 'question-paste', cards: [buildQuestionCard(worstQuestion('paste'), 'nonce-0002')], shots: [0] },
    { name: 'question-text', cards: [buildQuestionCard(worstQuestion('text'), 'nonce-0003')], shots: [0] },
    { name: 'answered', cards: [buildAnsweredCard(worstQuestion('paste'), LONG_PASTE)], shots: [0] },
    { name: 'error', cards: [buildErrorCard('RD-0123ABCD')], shots: [0] },
    { name: 'verdict-example', cards: buildVerdictCards(exampleVerdict()), shots: [0] },
    // Hundreds of parts: every one is rendered and checked; the summary, the first cause with its
    // fix steps and the last part (with the actions) are screenshotted.
    { name: 'verdict-worst', cards: worst, shots: [0, 1, worst.length - 1] },
  ];
}

describe('browser: every card template rendered in Chromium (Teams host config)', function () {
  requireChromium(this);
  let chrome: ChromiumHandle | undefined;
  let server: CardPageServer | undefined;
  let page: Page;
  let blocked: string[] = [];

  before(async function () {
    this.timeout(60_000);
    server = await startCardPageServer(repoRoot);
    chrome = await launchChromium();
    const ctx = await chrome.newLoopbackContext({ width: 600, height: 800 });
    blocked = ctx.blocked;
    page = await ctx.context.newPage();
    await page.goto(server.url);
    await page.waitForFunction(
      () => typeof (globalThis as unknown as { renderCard?: unknown }).renderCard === 'function',
    );
  });

  after(async () => {
    await chrome?.close();
    await server?.close();
    if (chrome) assert.equal(isAlive(chrome.pid), false, `Chromium ${chrome.pid} is still running`);
  });

  async function render(card: CardJson): Promise<RenderReport> {
    return page.evaluate(
      (json) => (globalThis as unknown as { renderCard(c: unknown): RenderReport }).renderCard(json),
      card as unknown,
    );
  }

  for (const c of cases()) {
    it(`${c.name}: renders without problems, overflow, links or images (${c.cards.length} card${c.cards.length > 1 ? 's' : ''})`, async function () {
      this.timeout(120_000);
      const dir = screenshotDir();
      for (const [i, card] of c.cards.entries()) {
        const report = await render(card);
        const where = `${c.name} part ${i + 1}`;
        // Screenshot first, so a failing card can still be looked at.
        if (c.shots.includes(i)) {
          const suffix = c.shots.length > 1 ? `-${i === c.cards.length - 1 && i > 0 ? 'last' : `part${i + 1}`}` : '';
          const file = path.join(dir, `card-${c.name}${suffix}.png`);
          await page.locator('#frame').screenshot({ path: file });
          const size = pngSize(file);
          assert.ok(size.width >= 500 && size.height > 40, `${file}: ${size.width}×${size.height}`);
        }
        assert.deepEqual(report.problems, [], where);
        assert.deepEqual(report.links, [], `${where}: user text became a link`);
        assert.deepEqual(report.images, [], `${where}: an image was rendered`);
        assert.equal(
          report.overflowPx,
          0,
          `${where}: wider than the column (cut off): ${report.overflowing.join(' | ')}`,
        );
        assert.ok(report.text.trim().length > 0, `${where}: empty`);
      }
    });
  }

  it('the checks can fail: a markdown link, an image and an over-wide column are caught', async () => {
    const report = await render({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '[click](https://evil.example) and https://evil.example/x', wrap: true },
        { type: 'TextBlock', text: '![x](data:image/png;base64,iVBORw0KGgo=)', wrap: true },
        {
          type: 'ColumnSet',
          columns: [
            {
              type: 'Column',
              width: '900px',
              items: [{ type: 'TextBlock', text: 'Get-InboundConnector fixed too wide', wrap: true }],
            },
          ],
        },
      ],
    });
    assert.equal(report.links.length, 2);
    assert.equal(report.images.length, 1);
    assert.ok(report.overflowPx > 0);
    assert.match(report.overflowing.join('\n'), /Get-InboundConnector/);
  });

  it('the page reached nothing beyond loopback', () => {
    assert.deepEqual(blocked, []);
  });
});
