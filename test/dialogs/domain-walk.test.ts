import assert from 'node:assert/strict';

import type { Activity } from 'botbuilder';

import type { LiveObservation } from '../../engine/index';
import { cardProblems } from '../support/adaptive-card-validator';
import { cardOf, ConversationHarness, walk } from '../support/dialog-walk';

// Issue 11 part 4: a domain on its own leads somewhere. The admin types only their domain, answers what
// they know ("not sure" to the inbound connector), and gets a health check of both sides: what looks right,
// what could not be verified (with the resolver's answer), the next thing to run, and the open causes. The
// live checks are FAKE here (injected; the real ones run against a DNS server in test/engine).

function texts(activity: Partial<Activity>): string[] {
  const out: string[] = [];
  const visit = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(visit);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(visit);
    }
  };
  visit(cardOf(activity)?.body);
  return out;
}

const NXDOMAIN_EVERYWHERE = async (): Promise<LiveObservation[]> => [
  {
    check: 'mx',
    subject: 'fabrikam.com',
    outcome: 'nxdomain',
    values: [],
    endpointKinds: [],
    observedAt: '2026-12-01T22:00:00.000Z',
    vantage: 'relay-doctor bot on test-host',
  },
];

describe('dialogs: a domain on its own (FAKE live checks)', () => {
  it('typing only the domain walks to a health check, not "no delivery failure was recognized"', async () => {
    const h = new ConversationHarness(undefined, NXDOMAIN_EVERYWHERE);
    const first = await h.send('fabrikam.com');
    const result = await walk(
      h,
      first,
      {
        'case1.routing': 'smart-host',
        'case1.smart-host': 'fabrikam-com.mail.protection.outlook.com',
        'case1.require-tls': 'yes',
        'case2.inbound-connector': 'not-sure',
        'case2.accepted-domain': 'yes',
      },
      'card',
    );
    assert.ok(result.verdict, `a verdict card arrives (asked ${result.asked.join(', ')})`);
    assert.ok(result.asked.includes('case2.inbound-connector'));
    const verdictActivity = result.replies
      .filter((r) => cardOf(r)?.actions?.some((a) => a.data?.verb === 'plain-text'))
      .pop()!;
    const all = result.replies
      .filter((r) => cardOf(r) && texts(r).some((t) => /^Relay Doctor verdict/.test(t)))
      .flatMap(texts)
      .map((t) => t.replace(/\\/g, ''));
    for (const r of result.replies)
      if (cardOf(r)) assert.deepEqual(cardProblems(cardOf(r) as Record<string, unknown>), []);
    assert.ok(!all.some((t) => /No delivery failure was recognized/.test(t)), 'no dead end');
    assert.ok(all.includes('What could not be verified'));
    assert.ok(
      all.some((t) =>
        /MX of fabrikam\.com: could not verify from here \(the resolver said the name does not exist/.test(t),
      ),
      all.join('\n'),
    );
    assert.ok(all.includes('Do this first'));
    assert.ok(verdictActivity);

    // "Not sure" left the inbound connector causes open; nothing is ruled out without evidence.
    const v = result.verdict!;
    const status = (id: string) => v.statuses[v.causes.indexOf(id)];
    assert.equal(status('inbound-connector.missing'), 'possible');
    assert.equal(status('inbound-connector.disabled'), 'possible');
    assert.ok(
      all.some((t) => /you answered not sure/.test(t)),
      'the not-sure question is listed as not checked, with its command',
    );
    assert.ok(!all.some((t) => /has no MX record/.test(t)), 'NXDOMAIN is not stated as a fact');
  });
});
