import assert from 'node:assert/strict';

import { markdownSafe } from '../../../cards/safe-text';
import { buildVerdictCards } from '../../../cards/verdict-card';
import { buildFacts } from '../../../engine/analyze';
import { diagnose } from '../../../engine/diagnose';
import { caseOrder, FAMILY_TABLE } from '../../../engine/knowledge/families';
import { classifyNdr } from '../../../engine/recognize/ndr/classify-ndr';
import { recognize } from '../../../engine/recognize/recognize';
import { buildContext } from '../../../engine/rules/context';
import { FAMILIES, type Family } from '../../../engine/vocabulary';

// One reply per family, as Exchange quotes it ("Remote Server returned '…'").
const SAMPLES: Partial<Record<Family, string>> = {
  'eop-relay-denied': '550 5.7.64 TenantAttribution; Relay Access Denied',
  'eop-wrong-endpoint': '451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35.',
  'onprem-relay-denied': '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain',
  'other-relay-denied': '550 5.7.1 <bob@example.org>: Relay access denied',
  'tls-failure': '451 4.4.317 TLS negotiation failed with error SocketError',
  'eop-recipient-rejected': '550 5.4.1 Recipient address rejected: Access denied. AS(201806281)',
  'eop-sender-blocked': '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.',
  'connection-failure': '#550 4.4.7 QUEUE.Expired; message expired ##',
};

const quoted = (reply: string) => `Remote Server returned '${reply}'`;

describe('families: one table', () => {
  it('has one entry per family id, ranks 0..n-1 without ties', () => {
    assert.deepEqual(Object.keys(FAMILY_TABLE).sort(), [...FAMILIES].sort());
    assert.deepEqual(
      Object.values(FAMILY_TABLE)
        .map((f) => f.rank)
        .sort((a, b) => a - b),
      FAMILIES.map((_, i) => i),
    );
  });

  it('every relay family points at a case; the others at none', () => {
    for (const id of FAMILIES) {
      const f = FAMILY_TABLE[id];
      assert.equal(f.primaryCase !== undefined, f.relay, id);
    }
  });

  it('lists the primary case first', () => {
    assert.deepEqual(caseOrder('eop-relay-denied'), ['case2', 'case1', 'other']);
    assert.deepEqual(caseOrder('tls-failure'), ['case1', 'case2', 'other']);
    assert.deepEqual(caseOrder('not-an-ndr'), ['case1', 'case2', 'other']);
  });

  it("the verdict headline and the cards' words come from the table", () => {
    for (const [id, reply] of Object.entries(SAMPLES) as [Family, string][]) {
      const card = JSON.stringify(buildVerdictCards(diagnose(buildFacts([quoted(reply)])))[0]);
      assert.ok(card.includes(JSON.stringify(markdownSafe(FAMILY_TABLE[id].words)).slice(1, -1)), id);
    }
    assert.equal(
      diagnose(buildFacts([quoted(SAMPLES['tls-failure']!)])).headline,
      FAMILY_TABLE['tls-failure'].headline,
    );
  });

  it('the samples are of the family they stand for', () => {
    for (const [family, reply] of Object.entries(SAMPLES)) {
      const ndrs = recognize(quoted(reply)).facts.ndrs ?? [];
      assert.equal(ndrs.length, 1, family);
      assert.equal(classifyNdr(ndrs[0]).family, family);
    }
  });
});

describe('families: several NDRs in one paste', () => {
  const pairs = Object.entries(SAMPLES).flatMap(([fa, a]) =>
    Object.entries(SAMPLES)
      .filter(([fb]) => fb !== fa)
      .map(([fb, b]) => ({ fa, fb, a, b })),
  );

  it("the input label, the recognizer's first NDR and the NDR the rules read are the same one, the most telling by rank", () => {
    assert.ok(pairs.length >= 56);
    for (const { fa, fb, a, b } of pairs) {
      const text = `${quoted(a)}\n\n${quoted(b)}`;
      const rec = recognize(text);
      const ndrs = rec.facts.ndrs ?? [];
      assert.equal(ndrs.length, 2, `${fa} + ${fb}`);
      const ctx = buildContext(buildFacts([text]));
      assert.deepEqual(ctx.primaryNdr, ndrs[0], `${fa} + ${fb}`);
      const expected = FAMILY_TABLE[fa as Family].rank < FAMILY_TABLE[fb as Family].rank ? fa : fb;
      assert.equal(ctx.family, expected, `${fa} + ${fb}`);
      assert.equal(classifyNdr(ndrs[0]).family, expected, `${fa} + ${fb}`);
    }
  });

  it('the label names the layout of the NDR the verdict reads (a relay refusal in a DSN part after a TLS failure)', () => {
    // Both orders of the two tables this one replaced disagreed here: tls-failure was the rules' pick,
    // the 5.7.54 refusal the recognizer's first.
    const text = `${quoted(SAMPLES['tls-failure']!)}\n\nDiagnostic-Code: smtp; ${SAMPLES['onprem-relay-denied']}`;
    const rec = recognize(text);
    const facts = buildFacts([text]);
    const ctx = buildContext(facts);
    const verdict = diagnose(facts);
    assert.equal(ctx.primaryNdr?.layout, 'dsn');
    assert.ok(rec.facts.inputs?.some((i) => i.kind === 'ndr' && i.label === 'delivery report (dsn)'));
    assert.equal(verdict.family, 'onprem-relay-denied');
    assert.equal(verdict.diagnostic, rec.facts.ndrs?.[0].diagnostic);
  });
});
