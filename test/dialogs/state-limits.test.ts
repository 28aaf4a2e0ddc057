import assert from 'node:assert/strict';

import { boundFacts, FACTS_BUDGET_CHARS } from '../../dialogs/bound-facts';
import { type DiagnosisEngine, type LiveChecks, realEngine } from '../../dialogs/engine-port';
import { EXAMPLE_NDR } from '../../dialogs/example-ndr';
import { FACTS_TRIMMED, partNotKeptReply, partReply } from '../../dialogs/replies';
import { MAX_REPORT_CHARS, MAX_REPORT_PARTS, reportChars, SESSION_MAX_CHARS } from '../../dialogs/session';
import { emptyFacts, type LiveObservation, mergeFacts } from '../../engine/facts';
import { ConversationHarness, questionOf, verdictOf, walk } from '../support/dialog-walk';
import { pasteFixture } from '../support/paste-fixture';

const SEND_CONNECTOR_DNS = pasteFixture('send-connector-dns');

// Conversation state stays bounded whatever the user sends: report parts are capped in number and
// characters (the user is told what was not kept), facts are deduplicated and held to a budget, and
// "done" never hands the engine more than the report limit.

/** The real engine, recording the length of every text it is asked to recognize. */
function recordingEngine(): { engine: DiagnosisEngine; lengths: number[] } {
  const lengths: number[] = [];
  return {
    engine: {
      ...realEngine,
      recognize: (text) => {
        lengths.push(text.length);
        return realEngine.recognize(text);
      },
    },
    lengths,
  };
}

/** A report part that is not a complete NDR (no status line), padded to about `chars` characters. */
function part(i: number, chars: number): string {
  const head = `Delivery has failed to these recipients or groups:\nuser${i}@fabrikam.example\n`;
  const line = `Received: from ex0${i % 10}.contoso.local by relay${i}.contoso.local with padding text\n`;
  return head + line.repeat(Math.max(1, Math.ceil((chars - head.length) / line.length)));
}

describe('dialogs: state limits', function () {
  this.timeout(120_000);

  it('120 parts of 39 KB: one part kept, the rest refused with the limit, state and engine input bounded', async () => {
    const { engine, lengths } = recordingEngine();
    const h = new ConversationHarness(engine);
    const first = await h.send(part(0, 39_000));
    assert.equal(first[0].text, partReply(1));
    for (let i = 1; i < 120; i += 1) {
      const replies = await h.send(part(i, 39_000));
      assert.equal(replies[0].text, partNotKeptReply(1, 'chars', MAX_REPORT_CHARS), `part ${i + 1}`);
      const { session, chars } = h.savedSession();
      assert.equal(session?.fragments.length, 1);
      assert.ok(chars < SESSION_MAX_CHARS, `state ${chars} chars after part ${i + 1}`);
    }
    lengths.length = 0;
    await h.send('done');
    assert.ok(lengths.length > 0, 'the engine read the report');
    assert.ok(Math.max(...lengths) <= MAX_REPORT_CHARS, `the engine got ${Math.max(...lengths)} chars`);
    assert.deepEqual(h.savedSession().session?.fragments, []);
  });

  it(`many small parts: at most ${MAX_REPORT_PARTS} kept, then each further part is refused and the kept ones stay`, async () => {
    const { engine, lengths } = recordingEngine();
    const h = new ConversationHarness(engine);
    for (let i = 0; i < MAX_REPORT_PARTS; i += 1) assert.equal((await h.send(part(i, 400)))[0].text, partReply(i + 1));
    const kept = h.savedSession().session?.fragments;
    for (let i = 0; i < 30; i += 1) {
      assert.equal(
        (await h.send(part(100 + i, 400)))[0].text,
        partNotKeptReply(MAX_REPORT_PARTS, 'parts', MAX_REPORT_CHARS),
      );
    }
    assert.deepEqual(h.savedSession().session?.fragments, kept, 'the parts kept are unchanged');
    assert.ok(reportChars(kept ?? []) <= MAX_REPORT_CHARS);
    lengths.length = 0;
    await h.send('done');
    assert.ok(Math.max(...lengths) <= MAX_REPORT_CHARS + MAX_REPORT_PARTS);
  });

  it('a first part longer than the report limit is not kept and nothing is collected', async () => {
    const h = new ConversationHarness();
    const replies = await h.send(part(0, MAX_REPORT_CHARS + 5_000));
    assert.equal(replies[0].text, partNotKeptReply(0, 'chars', MAX_REPORT_CHARS));
    assert.deepEqual(h.savedSession().session?.fragments ?? [], []);
  });

  it('a part of control characters is kept without them: stored parts take at most twice their characters', async () => {
    const h = new ConversationHarness();
    const text = `Delivery has failed to these recipients or groups:\n${'\u0001\u001b"\\\n'.repeat(7_000)}`;
    assert.equal((await h.send(text))[0].text, partReply(1));
    const fragments = h.savedSession().session?.fragments ?? [];
    assert.equal(fragments.length, 1);
    assert.ok(
      JSON.stringify(fragments).length <= 2 * text.length + 2,
      `${JSON.stringify(fragments).length} chars of JSON for ${text.length}`,
    );
  });

  it('the same connector output and live checks 40 times: facts do not grow (FAKE live checks)', async () => {
    let run = 0;
    // FAKE: fixed observations with a new timestamp each run, standing in for engine/live.
    const liveChecks: LiveChecks = async () => {
      run += 1;
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, run)).toISOString();
      const obs = (check: LiveObservation['check'], subject: string): LiveObservation => ({
        check,
        subject,
        outcome: 'ok',
        values: ['contoso-com.mail.protection.outlook.com'],
        endpointKinds: [],
        observedAt: at,
        vantage: 'test',
      });
      return [obs('mx', 'contoso.com'), obs('spf', 'contoso.com')];
    };
    const h = new ConversationHarness(realEngine, liveChecks);
    await h.send(EXAMPLE_NDR);
    const sizes: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      await h.send(SEND_CONNECTOR_DNS);
      sizes.push(JSON.stringify(h.savedSession().session?.facts).length);
    }
    assert.ok(run >= 10, `live checks ran ${run} times`);
    const { session } = h.savedSession();
    assert.equal(session?.facts.sendConnectors.length, 1, 'one connector, however often pasted');
    assert.equal(session?.facts.live.length, 2, 'one observation per check and subject, the newest');
    assert.equal(session?.facts.live[0].observedAt, new Date(Date.UTC(2026, 0, 1, 0, 0, run)).toISOString());
    assert.ok(sizes[39] <= sizes[4] + 200, `facts grew from ${sizes[4]} to ${sizes[39]} chars`);
    assert.ok(h.savedSession().chars < SESSION_MAX_CHARS);
  });

  it('a connector naming 1500 smart hosts: stored facts stay within the budget, the user is told, the conversation goes on', async () => {
    const hosts = Array.from({ length: 1500 }, (_, i) => `relay${i}.contoso.example`).join(', ');
    const huge = SEND_CONNECTOR_DNS.replace(/^SmartHosts\s*:.*$/m, `SmartHosts                   : {${hosts}}`);
    assert.notEqual(huge, SEND_CONNECTOR_DNS, 'the fixture has a SmartHosts line');
    const h = new ConversationHarness();
    await h.send(EXAMPLE_NDR);
    const replies = await h.send(huge);
    assert.ok(
      replies.some((r) => r.text === FACTS_TRIMMED),
      'the user is told that not everything was kept',
    );
    assert.ok(
      replies.some((r) => questionOf(r) || verdictOf(r)),
      'a question or a verdict follows',
    );
    const { session, chars } = h.savedSession();
    assert.ok(JSON.stringify(session?.facts).length <= FACTS_BUDGET_CHARS);
    assert.ok(chars < SESSION_MAX_CHARS, `state ${chars} chars`);
  });

  it('the worst case together: big facts, kept verdicts and a full report in parts stay under SESSION_MAX_CHARS', async () => {
    const hosts = Array.from({ length: 1500 }, (_, i) => `relay${i}.contoso.example`).join(', ');
    const huge = SEND_CONNECTOR_DNS.replace(/^SmartHosts\s*:.*$/m, `SmartHosts                   : {${hosts}}`);
    const h = new ConversationHarness();
    await h.send(EXAMPLE_NDR);
    const result = await walk(h, await h.send(huge), {}, 'card');
    assert.ok(result.verdict, 'a verdict arrives');
    await h.send('show fix');
    await h.send('show fix');
    const first = await h.send(part(0, 39_500));
    assert.equal(first[0].text, partReply(1));
    const { session, chars } = h.savedSession();
    assert.ok((session?.verdicts?.length ?? 0) >= 1, 'verdicts are kept');
    assert.ok(chars < SESSION_MAX_CHARS, `state ${chars} chars`);
  });

  it('boundFacts: small facts come back unchanged; any facts end within the budget, newest kept', () => {
    const small = mergeFacts(emptyFacts(), realEngine.recognize(EXAMPLE_NDR).facts);
    assert.equal(boundFacts(small).facts, small);
    assert.equal(boundFacts(small).trimmed, false);

    let big = emptyFacts();
    for (let i = 0; i < 300; i += 1) {
      big = mergeFacts(big, {
        ndrs: [
          {
            layout: 'other',
            rejectedBy: 'unknown',
            recipients: [`r${i}@x.example`],
            timestamps: [],
            evidence: ['x'.repeat(5000)],
            diagnostic: `550 5.7.64 n${i}`,
          },
        ],
        acceptedDomains: [{ domainName: `d${i}.example`.repeat(50) }],
        answers: { [`q${i}`]: 'a'.repeat(3000) },
      });
    }
    const bounded = boundFacts(big);
    assert.equal(bounded.trimmed, true);
    assert.ok(
      JSON.stringify(bounded.facts).length <= FACTS_BUDGET_CHARS,
      `${JSON.stringify(bounded.facts).length} chars`,
    );
    assert.equal(bounded.facts.ndrs.at(-1)?.diagnostic, '550 5.7.64 n299', 'the newest NDR is kept');
  });
});
