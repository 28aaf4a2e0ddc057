import assert from 'node:assert/strict';

import {
  ACTIVITY_BUDGET_BYTES,
  activityBytes,
  ADAPTIVE_CARD_CONTENT_TYPE,
  buildAnsweredCard,
  buildErrorCard,
  buildQuestionCard,
  buildVerdictCards,
  buildWelcomeCard,
  type CardJson,
  verdictToText,
} from '../../cards/index';
import { CARD_COMMAND_WIDTH, detailedCauses, MAX_DETAILED_POSSIBLE } from '../../cards/verdict-card';
import { wrapCommand } from '../../cards/wrap-command';
import type { Question, Verdict } from '../../engine/verdict';
import { HOSTILE, NDR_5764, simpleVerdict, worstCaseVerdict } from '../fixtures/cards/verdicts';
import { cardProblems, elementsOfType, markdownRenderedTexts, walk } from '../support/adaptive-card-validator';

/** The activity as the bot sends it, with a realistic Teams envelope around the card. */
function asActivity(card: CardJson): unknown {
  return {
    type: 'message',
    id: '1:1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f',
    timestamp: '2025-01-01T00:00:00.000Z',
    serviceUrl: 'https://smba.trafficmanager.net/emea/6a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d/',
    channelId: 'msteams',
    from: { id: '28:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0', name: 'Relay Doctor' },
    conversation: {
      id: 'a:1Xyz'.padEnd(120, 'x'),
      conversationType: 'personal',
      tenantId: '6a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
    },
    recipient: { id: '29:1'.padEnd(120, 'y'), name: 'A. Admin', aadObjectId: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0' },
    replyToId: '1:'.padEnd(60, '0'),
    locale: 'en-US',
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
  };
}

const QUESTIONS: Question[] = [
  {
    id: 'q.choice',
    kind: 'choice',
    case: 'case1',
    prompt: 'How does the Send connector route mail?',
    why: 'Separates DNS routing from a smart host.',
    choices: [
      { value: 'smart-host', title: 'Smart host' },
      { value: 'dns', title: 'DNS (MX)' },
      { value: 'not-sure', title: 'Not sure' },
    ],
    decides: ['send-connector.no-smart-host'],
  },
  {
    id: 'q.text',
    kind: 'text',
    case: 'case1',
    prompt: 'Which smart host?',
    why: 'Must be the tenant MX endpoint.',
    placeholder: 'contoso-com.mail.protection.outlook.com',
    decides: ['send-connector.wrong-smart-host'],
  },
  {
    id: 'q.paste',
    kind: 'paste',
    case: 'case2',
    prompt: 'Paste the inbound connector.',
    why: 'Shows type and certificate name.',
    command: 'Get-InboundConnector | Format-List',
    decides: ['inbound-connector.missing'],
  },
];

function assertValid(card: CardJson, label: string): void {
  assert.deepEqual(cardProblems(card), [], `${label} has validation problems`);
}

function assertMarkdownSafe(card: CardJson): void {
  for (const text of markdownRenderedTexts(card)) {
    assert.doesNotMatch(text, /(?<!\\)\[[^\]]*(?<!\\)\]\(/, `markdown link survived: ${text.slice(0, 80)}`);
    assert.doesNotMatch(text, /https?:\/\//i, `a URL survived: ${text.slice(0, 80)}`);
    assert.doesNotMatch(text, /(?<!\\)<(img|a)\b/i, `HTML survived: ${text.slice(0, 80)}`);
    assert.doesNotMatch(text, /(?<!\\)\*\*[^*]/, `bold markup survived: ${text.slice(0, 80)}`);
    assert.doesNotMatch(text, /\bwww\./i, `www. would auto-link: ${text.slice(0, 80)}`);
  }
  assert.equal(elementsOfType(card, 'Image').length, 0, 'no images in a card built from pasted text');
}

describe('cards: Adaptive Card 1.5 validation', () => {
  it('welcome card validates and offers the example and help actions', () => {
    const card = buildWelcomeCard();
    assertValid(card, 'welcome');
    const verbs = (card.actions as Array<{ data: { verb: string } }>).map((a) => a.data.verb);
    assert.deepEqual(verbs, ['example', 'help']);
  });

  for (const q of QUESTIONS) {
    it(`question card (${q.kind}) validates and carries verb, nonce and question id`, () => {
      const card = buildQuestionCard(q, 'nonce-123');
      assertValid(card, `question ${q.kind}`);
      const submit = (card.actions as Array<{ type: string; verb: string; data: Record<string, string> }>)[0];
      assert.equal(submit.type, 'Action.Execute');
      assert.equal(submit.verb, 'answer');
      assert.deepEqual(submit.data, { verb: 'answer', nonce: 'nonce-123', questionId: q.id });
      assert.equal(card.refresh, undefined, 'no refresh in a personal chat');
      const inputs = [...elementsOfType(card, 'Input.ChoiceSet'), ...elementsOfType(card, 'Input.Text')];
      assert.equal(inputs.length, 1);
      assert.equal(inputs[0].id, 'answer');
      if (q.kind === 'choice')
        assert.deepEqual(
          (inputs[0].choices as Array<{ value: string }>).map((c) => c.value),
          q.choices!.map((c) => c.value),
        );
      if (q.kind === 'paste') {
        assert.equal(inputs[0].isMultiline, true);
        const runs = elementsOfType(card, 'TextRun').map((r) => r.text);
        assert.ok(runs.includes(q.command), 'the command is shown as verbatim text');
      }
    });
  }

  it('answered card validates, has no inputs or actions, and shows the choice title', () => {
    const card = buildAnsweredCard(QUESTIONS[0], 'dns');
    assertValid(card, 'answered');
    assert.equal(card.actions, undefined);
    assert.equal(elementsOfType(card, 'Input.ChoiceSet').length, 0);
    assert.ok(elementsOfType(card, 'TextRun').some((r) => r.text === 'DNS (MX)'));
  });

  it('error card validates, shows the code and never more than a code', () => {
    const card = buildErrorCard('RD-1A2B3C4D');
    assertValid(card, 'error');
    assert.ok(JSON.stringify(card).includes('RD-1A2B3C4D'));
    const hostile = buildErrorCard('RD-1\n    at Object.<anonymous> (/srv/bot.js:1:1)');
    assert.doesNotMatch(JSON.stringify(hostile), /at Object|bot\.js/);
  });

  it('verdict card validates; cause ids and family are in the action data', () => {
    const verdict = simpleVerdict();
    const cards = buildVerdictCards(verdict);
    assert.equal(cards.length, 1);
    assertValid(cards[0], 'verdict');
    type Data = { verb: string; family: string; causes: string[] };
    // "Copy for a ticket" is a ShowCard (the redaction toggle) whose submit carries the data.
    const actions = (cards[0].actions as Array<{ data?: Data; card?: { actions: Array<{ data: Data }> } }>).map(
      (a) => ({ data: a.data ?? a.card!.actions[0].data }),
    );
    assert.deepEqual(
      actions.map((a) => a.data.verb),
      ['plain-text', 'ticket', 'restart'],
    );
    for (const a of actions) {
      assert.equal(a.data.family, 'eop-relay-denied');
      assert.deepEqual(a.data.causes, ['inbound-connector.certificate-mismatch']);
    }
  });

  it('verdict card: one numbered step per fix step, PowerShell as monospace TextRun, evidence labelled in words at full width, docs as links', () => {
    const verdict = simpleVerdict();
    verdict.causes[0].evidence = [{ source: 'ndr', label: 'the queue error', text: NDR_5764 }];
    const [card] = buildVerdictCards(verdict);
    const steps = verdict.causes[0].fix.steps;
    const numbers = elementsOfType(card, 'TextBlock').filter((t) => /^\d+\.$/.test(String(t.text)));
    assert.equal(numbers.length, steps.length + verdict.causes[0].fix.verify.length);
    const mono = elementsOfType(card, 'TextRun')
      .filter((r) => r.fontType === 'Monospace')
      .map((r) => r.text);
    assert.ok(
      mono.includes(wrapCommand(steps[0].powershell!, CARD_COMMAND_WIDTH)),
      'PowerShell is verbatim monospace text, wrapped only where PowerShell continues',
    );
    assert.ok(mono.includes(NDR_5764), 'the evidence line is verbatim');
    assert.equal(elementsOfType(card, 'FactSet').length, 0, 'no two-column facts that clip at the card edge');
    const texts = elementsOfType(card, 'TextBlock').map((t) => String(t.text));
    assert.ok(texts.includes('the queue error:'));
    assert.ok(!texts.some((t) => /^ndr:?$/.test(t)), 'no raw source id');
    const urls = elementsOfType(card, 'Action.OpenUrl').map((a) => a.url);
    assert.deepEqual(
      urls,
      verdict.causes[0].fix.docs.map((d) => d.url),
    );
  });

  it('a verdict with no causes still validates and says what to paste', () => {
    const verdict: Verdict = {
      family: 'not-an-ndr',
      headline: 'Nothing yet',
      causes: [],
      questions: [],
      notes: [],
      inputs: [],
    };
    const cards = buildVerdictCards(verdict);
    assert.equal(cards.length, 1);
    assertValid(cards[0], 'empty verdict');
  });

  it('ruled-out causes are listed with their badge but get no fix section', () => {
    const verdict = simpleVerdict();
    verdict.causes[0].status = 'ruled-out';
    const [card] = buildVerdictCards(verdict);
    assert.ok(elementsOfType(card, 'TextBlock').some((t) => String(t.text).startsWith('Ruled out')));
    assert.equal(elementsOfType(card, 'Action.OpenUrl').length, 0);
  });
});

describe('cards: worst case (every cause, long hostile evidence) within budget', () => {
  const verdict = worstCaseVerdict();
  const cards = buildVerdictCards(verdict);

  it('splits into several cards, each valid and each activity within 28 KB', () => {
    assert.ok(cards.length > 1, 'a verdict this long must be split');
    cards.forEach((card, i) => {
      assertValid(card, `worst-case part ${i + 1}`);
      const bytes = activityBytes(asActivity(card));
      assert.ok(bytes <= ACTIVITY_BUDGET_BYTES, `part ${i + 1} is ${bytes} bytes`);
    });
  });

  it('only the last card carries the actions, and it names every cause id', () => {
    cards.slice(0, -1).forEach((c) => assert.ok(!Array.isArray(c.actions) || c.actions.length === 0));
    const last = cards[cards.length - 1].actions as Array<{ data: { causes: string[] } }>;
    assert.deepEqual(
      last[0].data.causes,
      verdict.causes.map((c) => c.id),
    );
  });

  it('every fix step of every shown cause is its own numbered TextBlock', () => {
    const shown = detailedCauses(verdict);
    const expected = shown.reduce((n, c) => n + c.fix.steps.length + c.fix.verify.length, 0);
    const numbered = cards.flatMap((c) => elementsOfType(c, 'TextBlock')).filter((t) => /^\d+\.$/.test(String(t.text)));
    assert.equal(numbered.length, expected);
  });

  it('pasted text never becomes markdown, a link or an image', () => {
    for (const card of cards) assertMarkdownSafe(card);
  });

  it('shows confirmed and likely causes in full, or the first possible ones when there are none', () => {
    const open = verdict.causes.filter((c) => c.status !== 'ruled-out');
    const strong = open.filter((c) => c.status === 'confirmed' || c.status === 'likely');
    assert.deepEqual(
      detailedCauses(verdict).map((c) => c.id),
      (strong.length ? strong : open.slice(0, MAX_DETAILED_POSSIBLE)).map((c) => c.id),
    );
    const onlyPossible = { ...verdict, causes: verdict.causes.map((c) => ({ ...c, status: 'possible' as const })) };
    assert.equal(detailedCauses(onlyPossible).length, MAX_DETAILED_POSSIBLE);
  });

  it('templating does not evaluate expressions found in data', () => {
    const all = JSON.stringify(cards);
    assert.ok(all.includes('${$root.secret}'), 'the expression stays literal text');
  });

  it('hostile text in a question prompt and an answer is escaped too', () => {
    const q: Question = { ...QUESTIONS[1], prompt: HOSTILE, why: HOSTILE };
    const card = buildQuestionCard(q, 'n');
    assertValid(card, 'hostile question');
    assertMarkdownSafe(card);
    const answered = buildAnsweredCard(q, HOSTILE);
    assertValid(answered, 'hostile answered');
    assertMarkdownSafe(answered);
  });

  it('links come only from the engine documentation list, https only', () => {
    const allowed = new Set(verdict.causes.flatMap((c) => c.fix.docs.map((d) => d.url)));
    for (const card of cards) {
      walk(card, (n) => {
        if (n.type === 'Action.OpenUrl') assert.ok(allowed.has(String(n.url)));
      });
    }
    const bad = simpleVerdict();
    bad.causes[0].fix.docs = [{ title: 'x', url: 'javascript:alert(1)' }];
    assert.equal(elementsOfType(buildVerdictCards(bad)[0], 'Action.OpenUrl').length, 0);
  });
});

describe('cards: plain-text verdict', () => {
  it('puts the diagnostic and PowerShell in code fences', () => {
    const verdict = simpleVerdict();
    const [text] = verdictToText(verdict);
    assert.ok(text.includes(`\`\`\`\n${verdict.diagnostic}\n\`\`\``));
    assert.ok(text.includes(`\`\`\`\n${wrapCommand(verdict.causes[0].fix.steps[0].powershell!)}\n\`\`\``));
    assert.ok(text.includes('inbound connector expects another certificate name'));
  });

  it('worst case: fences stay balanced, hostile fences are defused, every message within budget', () => {
    const messages = verdictToText(worstCaseVerdict());
    assert.ok(messages.length > 1);
    for (const m of messages) {
      assert.ok(activityBytes({ type: 'message', text: m }) <= ACTIVITY_BUDGET_BYTES);
      const fences = m.split('\n').filter((line) => line.startsWith('```')).length;
      assert.equal(fences % 2, 0, 'code fences are balanced');
      assert.doesNotMatch(m.replace(/^```$/gm, ''), /```/, 'no fence marker from pasted text survives');
    }
  });
});
