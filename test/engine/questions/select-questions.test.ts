import assert from 'node:assert/strict';

import { applyAnswer, diagnose, type Facts, QuestionSchema, type Verdict } from '../../../engine/index';
import { facts, inboundConnector, ndr, sendConnector } from '../../support/facts-builders';

// The engine's questions: stable ids, never re-asked, skipped when facts already answer them, and a walk
// that answers them ends with a verdict.

function walk(start: Facts, answers: Record<string, string>, limit = 15): { asked: string[]; verdict: Verdict } {
  let f = start;
  const asked: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    const v = diagnose(f);
    const q = v.questions[0];
    if (!q) return { asked, verdict: v };
    QuestionSchema.parse(q);
    assert.ok(!asked.includes(q.id), `question ${q.id} asked twice`);
    asked.push(q.id);
    f = applyAnswer(f, q.id, answers[q.id] ?? 'not-sure');
  }
  throw new Error(`walk did not end after ${limit} questions: ${asked.join(', ')}`);
}

describe('diagnose: questions', () => {
  const relayDenied = () => facts({ ndrs: [ndr()] });

  it('a 5.7.64 NDR asks about the inbound connector first (EOP was reached)', () => {
    const v = diagnose(relayDenied());
    assert.equal(v.family, 'eop-relay-denied');
    assert.equal(v.questions[0]?.id, 'case2.inbound-connector');
  });

  it('Case 2 walk: no connector → inbound-connector.missing', () => {
    const { asked, verdict } = walk(relayDenied(), { 'case2.inbound-connector': 'none' });
    assert.deepEqual(asked, ['case2.inbound-connector']);
    assert.equal(verdict.causes[0].id, 'inbound-connector.missing');
  });

  it('Case 2 walk: certificate names differ → inbound-connector.certificate-mismatch', () => {
    const { asked, verdict } = walk(relayDenied(), {
      'case2.inbound-connector': 'onpremises-enabled',
      'case2.auth-method': 'certificate',
      'case2.connector-certificate-name': 'mail.fabrikam.com',
      'case2.presented-certificate-name': 'mail.contoso.com',
    });
    assert.deepEqual(asked.slice(0, 4), [
      'case2.inbound-connector',
      'case2.auth-method',
      'case2.connector-certificate-name',
      'case2.presented-certificate-name',
    ]);
    assert.equal(verdict.causes.find((c) => c.status === 'likely')?.id, 'inbound-connector.certificate-mismatch');
  });

  it('Case 1 walk without an NDR host: DNS routing → send-connector.no-smart-host', () => {
    const start = facts({
      ndrs: [
        ndr({
          remoteServer: undefined,
          enhancedStatus: '5.4.1',
          replyCode: '550',
          diagnostic: '#550 5.4.1 Relay Access Denied ##',
          layout: 'exchange2010',
        }),
      ],
    });
    const { asked, verdict } = walk(start, {
      'case2.inbound-connector': 'onpremises-enabled',
      'case2.auth-method': 'not-sure',
      'case2.accepted-domain': 'yes',
      'case1.routing': 'dns',
    });
    assert.ok(asked.includes('case1.routing'));
    assert.equal(verdict.causes[0].id, 'send-connector.no-smart-host');
    assert.equal(verdict.causes[0].status, 'likely');
  });

  it('pasted connector output answers the questions it covers', () => {
    const f = relayDenied();
    f.inboundConnectors = [inboundConnector()];
    f.sendConnectors = [sendConnector()];
    const ids = diagnose(f).questions.map((q) => q.id);
    for (const id of [
      'case2.inbound-connector',
      'case2.auth-method',
      'case2.connector-certificate-name',
      'case1.routing',
      'case1.smart-host',
      'case1.require-tls',
    ]) {
      assert.ok(!ids.includes(id), `${id} should be answered by the pasted output`);
    }
  });

  it('pasting Get-InboundConnector output as an answer works like answering', () => {
    const pasted = [
      'Name                     : From on-premises',
      'Enabled                  : False',
      'ConnectorType            : OnPremises',
      'SenderDomains            : {smtp:*;1}',
      'TlsSenderCertificateName : mail.contoso.com',
      'RequireTls               : True',
    ].join('\n');
    const f = applyAnswer(relayDenied(), 'case2.inbound-connector', pasted);
    const v = diagnose(f);
    assert.equal(v.causes[0].id, 'inbound-connector.disabled');
    assert.equal(v.causes[0].status, 'confirmed');
  });

  it('an NDR that names a tenant endpoint answers the smart-host question', () => {
    const ids = diagnose(relayDenied()).questions.map((q) => q.id);
    assert.ok(!ids.includes('case1.smart-host'));
  });

  it('families outside relay ask nothing', () => {
    const v = diagnose(
      facts({
        ndrs: [
          ndr({
            enhancedStatus: '5.7.606',
            diagnostic: '550 5.7.606 Access denied, banned sending IP [198.51.100.222].',
          }),
        ],
      }),
    );
    assert.equal(v.family, 'eop-sender-blocked');
    assert.deepEqual(v.questions, []);
  });

  it('empty facts: not-an-ndr, no causes, no questions', () => {
    const v = diagnose(facts());
    assert.equal(v.family, 'not-an-ndr');
    assert.deepEqual(v.causes, []);
    assert.deepEqual(v.questions, []);
  });
});
