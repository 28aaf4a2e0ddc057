import assert from 'node:assert/strict';

import {
  ACTIVITY_BUDGET_BYTES,
  activityBytes,
  buildVerdictCards,
  type CardJson,
  verdictToText,
} from '../../cards/index';
import { COMMAND_WIDTH, wrapCommand } from '../../cards/wrap-command';
import { CAUSE_IDS, diagnose, emptyFacts, type Facts, type Verdict } from '../../engine/index';
import { worstCaseVerdict } from '../fixtures/cards/verdicts';
import { cardProblems, elementsOfType, walk } from '../support/adaptive-card-validator';

// Issue 11 parts 3 and 5: the verdict card leads with the answer, names the shell of every command, shows a
// long command once, labels evidence in words, uses no colored text, and never splits a section; the plain
// text splits only between sections with "part n of m", each message within 28 KB.

function mismatchFacts(): Facts {
  return {
    ...emptyFacts(),
    ndrs: [
      {
        layout: 'queue-lasterror',
        replyCode: '550',
        enhancedStatus: '5.7.64',
        diagnostic: '550 5.7.64 TenantAttribution; Relay Access Denied',
        remoteServer: 'fabrikam-com.mail.protection.outlook.com',
        rejectedBy: 'remote',
        recipients: [],
        senderDomain: 'fabrikam.com',
        timestamps: [],
        evidence: [],
      },
    ],
    sendConnectors: [
      {
        name: 'Outbound to Office 365',
        enabled: true,
        addressSpaces: ['SMTP:*;1'],
        dnsRoutingEnabled: false,
        smartHosts: ['fabrikam-com.mail.protection.outlook.com'],
        requireTls: true,
        tlsCertificateName:
          '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=smtp.fabrikam.com',
        fqdn: 'smtp.fabrikam.com',
        sourceTransportServers: ['EX01'],
        truncated: [],
        lines: {},
      },
    ],
    answers: {
      'case2.inbound-connector': 'onpremises-enabled',
      'case2.auth-method': 'certificate',
      'case2.connector-certificate-name': 'mail.fabrikam.com',
    },
    domain: 'fabrikam.com',
  };
}

function texts(card: CardJson): string[] {
  const out: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock' || n.type === 'TextRun') out.push(String(n.text));
  });
  return out;
}

describe('verdict card: the answer first', () => {
  const verdict = diagnose(mismatchFacts());
  const cards = buildVerdictCards(verdict);
  const all = cards.flatMap(texts);

  it('validates at 1.5', () => {
    for (const c of cards) assert.deepEqual(cardProblems(c), []);
  });

  it("the first lines say what is wrong in the admin's names, then the one step to do first", () => {
    const first = texts(cards[0]);
    // [title, certainty, answer, because, "Do this first", …]
    assert.equal(first[1], 'Most likely');
    assert.match(first[2], /expects mail\\?\.fabrikam\\?\.com, but your server presents smtp\\?\.fabrikam\\?\.com/);
    const doFirst = first.indexOf('Do this first');
    assert.ok(doFirst > 2 && doFirst < 6, String(doFirst));
    assert.ok(
      first.indexOf('Do this first') < first.findIndex((t) => /^(The cause|Causes, most likely first)$/.test(t)),
    );
  });

  it('every command is preceded by the shell it runs in', () => {
    let commands = 0;
    for (const card of cards) {
      const t = texts(card);
      t.forEach((line, i) => {
        if (/^(Set|Get|New)-(InboundConnector|SendConnector|AcceptedDomain)\b/.test(line)) {
          commands++;
          const shell = t[i - 1];
          if (/InboundConnector|AcceptedDomain/.test(line.split(' ')[0]))
            assert.match(shell, /^In Exchange Online PowerShell/, line);
          else assert.match(shell, /^In Exchange Management Shell/, line);
        }
      });
    }
    assert.ok(commands > 0);
  });

  it('a long command is shown once and referred back to', () => {
    const runs = cards
      .flatMap((c) => elementsOfType(c, 'TextRun'))
      .map((r) => String(r.text))
      .filter((t) => t.length >= 100);
    assert.equal(new Set(runs).size, runs.length, 'no long command twice');
    assert.ok(all.some((t) => /^Run the same command as shown under/.test(t)));
  });

  it('no internal ids and no colored text (contrast comes from container styles)', () => {
    for (const t of all) {
      for (const id of CAUSE_IDS) assert.ok(!t.includes(id), `${id} in "${t}"`);
      assert.doesNotMatch(t, /answer: case|\bcase2\.|^ndr\b/);
    }
    for (const c of cards)
      walk(c, (n) => assert.ok(n.color === undefined || n.color === 'Default', `color ${String(n.color)}`));
  });

  it('says what it read and what it did not check', () => {
    assert.ok(all.includes('What I read'));
    assert.ok(
      all.some((t) => t.includes('A queue error: EOP answered 550 5.7.64 at fabrikam-com.mail.protection.outlook.com')),
    );
    assert.ok(all.some((t) => t.startsWith('Not checked')));
  });
});

describe('verdict card: sections are never split', () => {
  it('"How to fix it" and "Check that it worked" stay whole on one card', () => {
    const v: Verdict = worstCaseVerdict();
    const cards = buildVerdictCards(v);
    assert.ok(cards.length > 1);
    for (const card of cards) {
      const t = texts(card);
      t.forEach((line, i) => {
        if (line !== 'Check that it worked' && line !== 'How to fix it') return;
        // Numbered steps follow the heading on the same card, starting at 1 and without a gap.
        const numbers = t
          .slice(i + 1)
          .filter((x) => /^\d+\.$/.test(x))
          .map((x) => Number(x.slice(0, -1)));
        assert.equal(numbers[0], 1, `${line} starts with step 1`);
      });
    }
  });
});

describe('plain text: split at section boundaries, part n of m, commands as code', () => {
  it('worst case: every message says part n of m, starts a section, and stays within 28 KB as an activity', () => {
    const messages = verdictToText(worstCaseVerdict());
    assert.ok(messages.length > 1);
    messages.forEach((m, i) => {
      assert.ok(m.startsWith(`*Relay Doctor verdict, part ${i + 1} of ${messages.length}*\n\n`), m.slice(0, 60));
      const body = m.slice(m.indexOf('\n\n') + 2);
      assert.match(body, /^(\*\*|\(continued\))/, `part ${i + 1} starts a section: ${body.slice(0, 40)}`);
      const activity = {
        type: 'message',
        text: m,
        textFormat: 'markdown',
        from: { id: 'x'.repeat(60) },
        conversation: { id: 'y'.repeat(200) },
        serviceUrl: 'https://smba.trafficmanager.net/emea/'.padEnd(90, 'z'),
      };
      assert.ok(activityBytes(activity) <= ACTIVITY_BUDGET_BYTES, `part ${i + 1}: ${activityBytes(activity)} bytes`);
    });
  });

  it('a real verdict: no part breaks inside "Check that it worked"', () => {
    const messages = verdictToText(diagnose(mismatchFacts()));
    for (const m of messages) {
      const i = m.indexOf('**Check that it worked**');
      if (i < 0) continue;
      assert.ok(m.slice(i).includes('1. '), 'the steps follow the heading in the same message');
    }
  });

  it('commands stand in code fences, wrapped for the chat column at places PowerShell continues', () => {
    const long =
      "Get-InboundConnector | Format-List Name,Enabled,ConnectorType,ConnectorSource,SenderDomains,SenderIPAddresses,RequireTls,TlsSenderCertificateName | Where-Object { $_.Name -eq 'From on-premises (certificate)' }";
    const wrapped = wrapCommand(long);
    const lines = wrapped.split('\n');
    assert.ok(lines.length > 1);
    for (const l of lines.slice(0, -1)) assert.ok(l.endsWith('|') || l.endsWith(',') || l.endsWith(' `'), l);
    assert.ok(wrapped.includes("'From on-premises (certificate)'"), 'quoted strings are never cut');
    assert.equal(
      lines
        .map((l) => l.trim())
        .join(' ')
        .replace(/ `/g, '')
        .replace(/, /g, ',')
        .replace(/\s+/g, ' '),
      long.replace(/\s+/g, ' '),
      'same tokens, only line breaks added',
    );
    for (const l of lines) if (!l.includes("'From")) assert.ok(l.length <= COMMAND_WIDTH + 40, l);
    const [text] = verdictToText(diagnose(mismatchFacts()));
    assert.match(text, /```\nSet-InboundConnector/);
  });
});
