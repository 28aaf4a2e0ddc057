import assert from 'node:assert/strict';

import { buildVerdictCards } from '../../../cards/verdict-card';
import { verdictToText } from '../../../cards/verdict-text';
import { formatVerdict } from '../../../cli/format-verdict';
import { buildFacts } from '../../../engine/analyze';
import { diagnose } from '../../../engine/diagnose';
import { REPEAT_MIN_CHARS } from '../../../engine/report/command-refs';
import { openCauses, renderFix, renderSteps } from '../../../engine/report/fix-steps';
import type { CauseResult, Fix, Verdict } from '../../../engine/verdict';

// The one rendering of fix steps, asserted on its data: numbers, commands with their shells, and the rule
// that a long command is shown once and later steps name the place where it stands.

const LONG = `Set-InboundConnector -Identity "From on-premises" -TlsSenderCertificateName mail.contoso.com -RestrictDomainsToCertificate $true`;
const LONG_CLOUD = `Get-InboundConnector | Format-List Name,ConnectorType,SenderIPAddresses,TlsSenderCertificateName,RestrictDomainsToCertificate`;
const SHORT = 'Get-AcceptedDomain';

function fix(part: Partial<Fix>): Fix {
  return { steps: [], adminCenterPath: [], verify: [], docs: [], ...part };
}

function cause(id: CauseResult['id'], status: CauseResult['status'], f: Fix): CauseResult {
  return { id, case: 'case2', status, title: id, explanation: '', evidence: [], fix: f };
}

function verdict(part: Partial<Verdict>): Verdict {
  return {
    family: 'eop-relay-denied',
    headline: '',
    causes: [],
    questions: [],
    notes: [],
    inputs: [],
    ...part,
  } as Verdict;
}

describe('fix steps: one rendering for every view', () => {
  assert.ok(
    LONG.length >= REPEAT_MIN_CHARS && LONG_CLOUD.length >= REPEAT_MIN_CHARS && SHORT.length < REPEAT_MIN_CHARS,
  );

  const v = verdict({
    lead: { answer: 'a', certainty: 'likely', first: { text: 'first', powershell: LONG, shell: 'exchange-online' } },
    causes: [
      cause(
        'inbound-connector.missing',
        'likely',
        fix({
          steps: [
            { text: 's1', powershell: LONG, shell: 'exchange-online' },
            { text: 's2' },
            { text: 's3', powershell: SHORT, shell: 'exchange-online' },
          ],
          adminCenterPath: ['Exchange admin center', 'Mail flow', 'Connectors'],
          verify: [
            { text: 'v1', powershell: LONG_CLOUD, shell: 'exchange-online' },
            { text: 'v2', powershell: SHORT },
          ],
        }),
      ),
      cause(
        'inbound-connector.certificate-mismatch',
        'ruled-out',
        fix({ steps: [{ text: 'never shown', powershell: LONG_CLOUD }] }),
      ),
      cause('accepted-domain.not-accepted', 'possible', fix({ verify: [{ text: 'w1', powershell: LONG_CLOUD }] })),
    ],
    notChecked: [
      {
        topic: 'the chain',
        how: 'look at it',
        check: { text: 'unused', powershell: LONG_CLOUD, shell: 'exchange-online' },
      },
      { topic: 'the MX', how: 'resolve it' },
    ],
  });
  const r = renderSteps(v);

  it('numbers the steps within each list and the open causes 1.. in order; the first step has no number', () => {
    assert.equal(r.first?.number, undefined);
    assert.deepEqual(
      r.causes.map((c) => [c.number, c.cause.id]),
      [
        [1, 'inbound-connector.missing'],
        [2, 'accepted-domain.not-accepted'],
      ],
    );
    assert.deepEqual(
      r.causes[0].steps.map((s) => s.number),
      [1, 2, 3],
    );
    assert.deepEqual(
      r.causes[0].verify.map((s) => s.number),
      [1, 2],
    );
    assert.deepEqual(
      r.notChecked.map((n) => [n.number, n.topic, n.how, n.text]),
      [
        [1, 'the chain', 'look at it', 'the chain. look at it'],
        [2, 'the MX', 'resolve it', 'the MX. resolve it'],
      ],
    );
  });

  it('shows a long command once, with its shell; later steps point at where it stands', () => {
    assert.deepEqual(r.first?.command, { text: LONG, shell: 'exchange-online' });
    assert.equal(r.first?.sameAs, undefined);
    assert.deepEqual(r.causes[0].steps[0].sameAs, { section: 'first' });
    assert.equal(r.causes[0].steps[0].command, undefined);
    assert.deepEqual(r.causes[0].verify[0].command, { text: LONG_CLOUD, shell: 'exchange-online' });
    assert.deepEqual(r.causes[1].verify[0].sameAs, { section: 'verify', cause: 1, step: 1 });
    assert.deepEqual(r.notChecked[0].sameAs, { section: 'verify', cause: 1, step: 1 });
  });

  it('repeats a short command, keeps a step without a command bare, and leaves out a shell that is not known', () => {
    assert.deepEqual(r.causes[0].steps[2].command, { text: SHORT, shell: 'exchange-online' });
    assert.deepEqual(r.causes[0].verify[1].command, { text: SHORT });
    assert.deepEqual(r.causes[0].steps[1], { number: 2, text: 's2' });
    assert.deepEqual(r.notChecked[1], { number: 2, text: 'the MX. resolve it', topic: 'the MX', how: 'resolve it' });
  });

  it('gives the click path as one line, and none when the cause has none', () => {
    assert.equal(r.causes[0].clickPath, 'Exchange admin center > Mail flow > Connectors');
    assert.equal(r.causes[1].clickPath, undefined);
  });

  it('renders only the causes it is given, numbered in that order (the card shows fewer than the text)', () => {
    const only = renderSteps(v, [v.causes[2]]);
    assert.deepEqual(
      only.causes.map((c) => [c.number, c.cause.id]),
      [[1, 'accepted-domain.not-accepted']],
    );
    // The long command is now first shown under that cause's check, and the not-checked item points there.
    assert.deepEqual(only.causes[0].verify[0].command?.text, LONG_CLOUD);
    assert.deepEqual(only.notChecked[0].sameAs, { section: 'verify', cause: 1, step: 1 });
    assert.deepEqual(
      openCauses(v).map((c) => c.id),
      ['inbound-connector.missing', 'accepted-domain.not-accepted'],
    );
  });

  it('renders a fix on its own as cause 1', () => {
    const f = renderFix(v.causes[0].fix);
    assert.equal(f.number, 1);
    assert.deepEqual(f.steps[0].command, { text: LONG, shell: 'exchange-online' });
    assert.deepEqual(
      f.verify.map((s) => s.number),
      [1, 2],
    );
  });

  it('is what the three views show: the commands of the rendering appear in the card, the text and the terminal', () => {
    const real = diagnose(buildFacts(["Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied'"]));
    const steps = renderSteps(real);
    const shown = [steps.first, ...steps.causes.flatMap((c) => [...c.steps, ...c.verify])];
    const commands = shown.flatMap((s) => (s?.command ? [s.command.text] : []));
    assert.ok(commands.length > 0);
    const terminal = formatVerdict(real);
    const text = verdictToText(real).join('\n');
    // Commands are wrapped for the chat column and escaped in card JSON: compare their plain tokens.
    const tokens = (c: string) => c.split(/\s+/).filter((t) => /^[A-Za-z][\w.-]{2,}$/.test(t));
    for (const t of commands.flatMap(tokens)) {
      assert.ok(terminal.includes(t), `terminal lacks ${t}`);
      assert.ok(text.includes(t), `text lacks ${t}`);
    }
    // The card details the confirmed and likely causes only; the lead's first step is always on it.
    const card = JSON.stringify(buildVerdictCards(real));
    assert.ok(steps.first?.command);
    for (const t of tokens(steps.first.command.text)) assert.ok(card.includes(t), `card lacks ${t}`);
  });
});
