import assert from 'node:assert/strict';

import fc from 'fast-check';

import {
  acceptedDomainMatch,
  bestCertNameMatch,
  certNameMatches,
  type NameMatch,
  parentDomains,
  parseTlsCertificateName,
  presentedNames,
  subjectCn,
} from '../../../engine/certificates/cert-names';
import type { Certificate, ProtocolLog } from '../../../engine/facts';

describe('certNameMatches (docs/knowledge.md#certificates inference table)', () => {
  const table: [string, string, NameMatch][] = [
    ['mail.contoso.com', 'mail.contoso.com', 'match'],
    ['Mail.Contoso.COM', 'mail.contoso.com.', 'match'],
    ['*.contoso.com', 'mail.contoso.com', 'match'],
    ['*.contoso.com', 'a.b.contoso.com', 'match'],
    ['*.contoso.com', 'contoso.com', 'match'],
    ['*.contoso.com', '*.contoso.com', 'match'],
    ['*.contoso.com', '*.sub.contoso.com', 'match'],
    ['*.contoso.com', 'CN=mail.contoso.com', 'match'],
    ['contoso.com', 'mail.contoso.com', 'unknown'],
    ['mail.contoso.com', '*.contoso.com', 'unknown'],
    ['contoso.com', '*.contoso.com', 'unknown'],
    ['*.mail.contoso.com', '*.contoso.com', 'unknown'],
    ['mail.contoso.com', 'smtp.contoso.com', 'no-match'],
    ['mail.contoso.com', 'contoso.com', 'no-match'],
    ['*.contoso.com', 'mail.fabrikam.com', 'no-match'],
    ['*.contoso.com', 'contoso.com.evil.net', 'no-match'],
    ['*.contoso.com', 'notcontoso.com', 'no-match'],
    ['contoso.com', 'mail.fabrikam.com', 'no-match'],
    ['mail.contoso.com', '*.fabrikam.com', 'no-match'],
    ['domain.*.contoso.com', 'domain.x.contoso.com', 'no-match'],
    ['', 'mail.contoso.com', 'no-match'],
    ['mail.contoso.com', '', 'unknown'],
  ];
  for (const [connector, presented, expected] of table) {
    it(`${connector || '(empty)'} vs ${presented || '(empty)'} → ${expected}`, () => {
      assert.equal(certNameMatches(connector, presented), expected);
    });
  }

  it('is total and symmetric only for equality (property)', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const name = fc
      .tuple(fc.boolean(), fc.array(label, { minLength: 1, maxLength: 4 }))
      .map(([w, ls]) => `${w ? '*.' : ''}${ls.join('.')}`);
    fc.assert(
      fc.property(name, name, (a, b) => {
        const r = certNameMatches(a, b);
        assert.ok(['match', 'no-match', 'unknown'].includes(r));
        assert.equal(certNameMatches(a, a), 'match');
        if (!a.includes('*') && !b.includes('*') && a !== b && r === 'match') assert.fail(`${a} vs ${b}`);
      }),
    );
  });

  it('bestCertNameMatch picks the best presented name', () => {
    assert.deepEqual(bestCertNameMatch('mail.contoso.com', ['ex01.corp.local', '*.contoso.com', 'mail.contoso.com']), {
      result: 'match',
      name: 'mail.contoso.com',
    });
    assert.deepEqual(bestCertNameMatch('mail.contoso.com', ['ex01.corp.local', '*.contoso.com']), {
      result: 'unknown',
      name: '*.contoso.com',
    });
    assert.deepEqual(bestCertNameMatch('mail.contoso.com', ['ex01.corp.local']), {
      result: 'no-match',
      name: 'ex01.corp.local',
    });
    assert.deepEqual(bestCertNameMatch('mail.contoso.com', []), { result: 'unknown' });
  });
});

describe('certificate name helpers', () => {
  it('parses <I>issuer<S>subject without splitting on DN commas', () => {
    const v =
      '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso Ltd, C=US';
    assert.deepEqual(parseTlsCertificateName(v), {
      issuer: 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US',
      subject: 'CN=mail.contoso.com, O=Contoso Ltd, C=US',
      subjectCn: 'mail.contoso.com',
    });
    assert.deepEqual(parseTlsCertificateName(''), {});
    assert.deepEqual(parseTlsCertificateName('CN=mail.contoso.com'), {});
  });

  it('reads the CN of a DN', () => {
    assert.equal(subjectCn('CN=mail.contoso.com, OU=IT, O=Contoso'), 'mail.contoso.com');
    assert.equal(subjectCn('OU=IT, CN=*.contoso.com'), '*.contoso.com');
    assert.equal(subjectCn('cn="mail.contoso.com", O=x'), 'mail.contoso.com');
    assert.equal(subjectCn('O=Contoso, C=US'), undefined);
  });

  it('lists the names a certificate or a protocol log presents (CN first, unique, lower case)', () => {
    const cert: Certificate = {
      subject: 'CN=Mail.Contoso.com, O=Contoso',
      certificateDomains: ['mail.contoso.com', 'autodiscover.contoso.com'],
      services: ['SMTP'],
      lines: {},
    };
    assert.deepEqual(presentedNames(cert), ['mail.contoso.com', 'autodiscover.contoso.com']);
    const log: ProtocolLog = {
      subject: 'CN=*.contoso.com',
      alternateNames: ['*.contoso.com', 'contoso.com'],
      tlsErrors: [],
      lines: [],
    };
    assert.deepEqual(presentedNames(log), ['*.contoso.com', 'contoso.com']);
  });

  it('lists parent domains down to two labels', () => {
    assert.deepEqual(parentDomains('hostname.sub.contoso.com'), ['sub.contoso.com', 'contoso.com']);
    assert.deepEqual(parentDomains('contoso.com'), []);
    assert.deepEqual(parentDomains('*.contoso.co.uk'), ['co.uk']);
  });

  it('reads an accepted-domain match with the parent rule', () => {
    const accepted = ['contoso.com', '*.fabrikam.com'];
    assert.deepEqual(acceptedDomainMatch('hostname.sub.contoso.com', accepted), {
      kind: 'parent',
      domain: 'contoso.com',
    });
    assert.deepEqual(acceptedDomainMatch('hostname.sub.contoso.com', ['sub.contoso.com', 'contoso.com']), {
      kind: 'parent',
      domain: 'sub.contoso.com',
    });
    assert.deepEqual(acceptedDomainMatch('Contoso.com', accepted), { kind: 'exact', domain: 'contoso.com' });
    assert.deepEqual(acceptedDomainMatch('*.contoso.com', accepted), { kind: 'exact', domain: 'contoso.com' });
    assert.deepEqual(acceptedDomainMatch('mail.fabrikam.com', accepted), {
      kind: 'wildcard',
      domain: '*.fabrikam.com',
    });
    assert.deepEqual(acceptedDomainMatch('mail.tailspintoys.com', accepted), { kind: 'none' });
    assert.deepEqual(acceptedDomainMatch('mail.contoso.com', [{ domainName: 'mail.contoso.com' }]), {
      kind: 'exact',
      domain: 'mail.contoso.com',
    });
    assert.deepEqual(acceptedDomainMatch('', accepted), { kind: 'none' });
  });
});
