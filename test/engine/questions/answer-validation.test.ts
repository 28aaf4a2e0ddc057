import assert from 'node:assert/strict';

import fc from 'fast-check';

import { emptyFacts } from '../../../engine/facts';
import {
  ANSWER_TYPES,
  type AnswerProblem,
  type AnswerType,
  NOT_SURE_VALUE,
  QUESTION_IDS,
  validateAnswer,
} from '../../../engine/index';
import { QUESTION_CATALOGUE } from '../../../engine/questions/question-catalogue';
import { buildContext } from '../../../engine/rules/context';

// Typed answers to text questions: each type accepts its values (normalized) and refuses the rest with a
// reason id, so "Yes" never becomes a domain and "TlsSenderCertificateName" never a certificate name.

type Row = [input: string, expected: string | AnswerProblem];

const ACCEPT: Record<AnswerType, Array<[string, string]>> = {
  domain: [
    ['contoso.com', 'contoso.com'],
    ['Contoso.COM.', 'contoso.com'],
    ['admin@contoso.com', 'contoso.com'],
    ['our domain is contoso.com', 'contoso.com'],
    ['"fabrikam.co.uk"', 'fabrikam.co.uk'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
  ],
  'certificate-name': [
    ['mail.contoso.com', 'mail.contoso.com'],
    ['*.contoso.com', '*.contoso.com'],
    ['CN=mail.contoso.com', 'mail.contoso.com'],
    ['TlsSenderCertificateName : *.Contoso.com', '*.contoso.com'],
    ["<I>CN=R3, O=Let's Encrypt, C=US<S>CN=mail.contoso.com", 'mail.contoso.com'],
  ],
  'certificate-names': [
    ['ex01.contoso.local', 'ex01.contoso.local'],
    ['mail.contoso.com, autodiscover.contoso.com', 'mail.contoso.com, autodiscover.contoso.com'],
    ['{mail.contoso.com, *.contoso.com}', 'mail.contoso.com, *.contoso.com'],
  ],
  ipv4: [
    ['203.0.113.10', '203.0.113.10'],
    ['it is 198.51.100.7', '198.51.100.7'],
    ['Hello [203.0.113.10]', '203.0.113.10'],
  ],
  'ip-list': [
    ['203.0.113.10', '203.0.113.10'],
    ['203.0.113.10, 198.51.100.0/24', '203.0.113.10, 198.51.100.0/24'],
    ['{203.0.113.10, 198.51.100.0/24}', '203.0.113.10, 198.51.100.0/24'],
    ['203.0.113.1-203.0.113.20; 192.0.2.5', '203.0.113.1-203.0.113.20, 192.0.2.5'],
    ['203.0.113.10 and 203.0.113.11', '203.0.113.10, 203.0.113.11'],
  ],
  'smart-host': [
    ['contoso-com.mail.protection.outlook.com', 'contoso-com.mail.protection.outlook.com'],
    ['[203.0.113.25]', '203.0.113.25'],
    ['none', 'none'],
    ['DNS', 'none'],
    ['smtp.office365.com, relay.contoso.com', 'smtp.office365.com, relay.contoso.com'],
  ],
  'connector-name': [
    ['Inbound from Contoso', 'Inbound from Contoso'],
    ['Name : From on-prem', 'From on-prem'],
    ['"Outbound to Office 365"', 'Outbound to Office 365'],
  ],
};

const REFUSE: Record<AnswerType, Row[]> = {
  domain: [
    ['Yes', 'yes-no'],
    ['contoso', 'not-a-domain'],
    ['203.0.113.10', 'not-a-domain'],
    ['contoso.com fabrikam.com', 'several-values'],
    ['Get-AcceptedDomain', 'command'],
  ],
  'certificate-name': [
    ['TlsSenderCertificateName', 'property-name'],
    ['yes', 'yes-no'],
    ['mail.*.contoso.com', 'not-a-certificate-name'],
    ['mail.contoso.com, smtp.contoso.com', 'several-values'],
    ['Get-InboundConnector', 'command'],
  ],
  'certificate-names': [
    ['No', 'yes-no'],
    ['CertificateDomains', 'property-name'],
    ['mail.contoso.com, bad_*name', 'not-a-certificate-name'],
  ],
  ipv4: [
    ['Yes', 'yes-no'],
    ['10.0.0.5', 'private-ipv4'],
    ['192.168.1.20', 'private-ipv4'],
    ['2001:db8::1', 'ipv6'],
    ['203.0.113.300', 'not-an-ipv4'],
    ['203.0.113.10 and 203.0.113.11', 'several-values'],
  ],
  'ip-list': [
    ['SenderIPAddresses', 'property-name'],
    ['203.0.113.10, 203.0.113.999', 'not-an-ip-entry'],
    ['2001:db8::/32', 'ipv6'],
    ['203.0.113.0/33', 'not-an-ip-entry'],
  ],
  'smart-host': [
    ['yes', 'yes-no'],
    ['SmartHosts', 'property-name'],
    ['relay.contoso.com:25', 'not-a-host'],
  ],
  'connector-name': [
    ['Yes', 'yes-no'],
    ['Get-InboundConnector', 'command'],
    ['x'.repeat(65), 'not-a-connector-name'],
    ['TlsSenderCertificateName', 'property-name'],
  ],
};

describe('engine: typed answers are validated by question type', () => {
  for (const type of ANSWER_TYPES) {
    it(`${type}: accepts its values, normalized`, () => {
      for (const [input, value] of ACCEPT[type])
        assert.deepEqual(validateAnswer(type, input), { outcome: 'valid', value }, input);
    });
    it(`${type}: refuses what cannot be used, with the reason`, () => {
      for (const [input, problem] of REFUSE[type]) {
        const r = validateAnswer(type, input);
        assert.equal(r.outcome, 'invalid', `${input} → ${JSON.stringify(r)}`);
        assert.equal(r.outcome === 'invalid' && r.problem, problem, input);
      }
    });
  }

  it('"not sure", "skip" and friends are "not sure" for every type', () => {
    for (const type of ANSWER_TYPES) {
      for (const text of ['not sure', 'Skip', "I don't know", 'no idea', '?']) {
        assert.deepEqual(
          validateAnswer(type, text),
          { outcome: 'not-sure', value: NOT_SURE_VALUE },
          `${type}: ${text}`,
        );
      }
    }
  });

  it('property: no yes/no word and no bare property name is ever a valid answer', () => {
    const word = fc.constantFrom(
      'yes',
      'Yes',
      'YES',
      'no',
      'No.',
      'ok',
      'true',
      'False',
      'enabled',
      'Disabled',
      'on',
      'off',
    );
    const property = fc.constantFrom(
      'TlsSenderCertificateName',
      'SenderIPAddresses',
      'SmartHosts',
      'TlsCertificateName',
      'RequireTLS',
      'ConnectorType',
      'DomainName',
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...ANSWER_TYPES),
        fc.oneof(word, property),
        (type, text) => validateAnswer(type, text).outcome === 'invalid',
      ),
    );
  });

  it('property: any valid DNS name is a valid domain and certificate name, lower-cased', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/);
    const tld = fc.stringMatching(/^[a-z]{2,6}$/);
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 3 }), tld, (labels, top) => {
        const name = [...labels, top].join('.');
        const upper = name.toUpperCase();
        return (
          validateAnswer('domain', upper).outcome === 'valid' &&
          JSON.stringify(validateAnswer('certificate-name', `*.${upper}`)) ===
            JSON.stringify({ outcome: 'valid', value: `*.${name}` })
        );
      }),
    );
  });

  it('every text question of the catalogue has a type, and every question id is in QUESTION_IDS', () => {
    const ctx = buildContext(emptyFacts());
    assert.deepEqual(Object.keys(QUESTION_CATALOGUE).sort(), [...QUESTION_IDS].sort());
    for (const id of QUESTION_IDS) {
      const q = QUESTION_CATALOGUE[id].question(ctx);
      assert.equal(q.id, id);
      if (q.kind === 'text') assert.ok(q.answerType, `${id} has no answer type`);
      if (q.kind === 'choice')
        for (const c of q.choices ?? []) assert.ok((c.synonyms ?? []).length > 0, `${id}/${c.value} has no synonyms`);
    }
  });
});
