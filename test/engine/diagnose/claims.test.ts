import assert from 'node:assert/strict';

import { buildFacts, type CauseId, diagnose, type Facts, type Status, type Verdict } from '../../../engine/index';
import { certificate, facts, inboundConnector, ndr, sendConnector } from '../../support/facts-builders';
import { pasteFixture } from '../../support/paste-fixture';

// Never over-claim: what partial pastes, answers and guesses may and may not prove.

const status = (v: Verdict, id: CauseId): Status | undefined => v.causes.find((c) => c.id === id)?.status;

const NDR_5764 = pasteFixture('diagnostic-excerpt-5764');

describe('diagnose: claims stay within the evidence', () => {
  it('a Send connector paste without routing properties says nothing about routing', () => {
    const partial = ['Name          : To Internet', 'AddressSpaces : {SMTP:*;1}', 'Enabled       : True'].join('\n');
    const v = diagnose(buildFacts([NDR_5764, partial]));
    assert.equal(status(v, 'send-connector.no-smart-host'), undefined);
    assert.ok(v.questions.length > 0, 'the walk goes on');
  });

  it('DNS routing in the paste after EOP refused the mail is likely, not confirmed', () => {
    const f = facts({ ndrs: [ndr()], sendConnectors: [sendConnector({ dnsRoutingEnabled: true, smartHosts: [] })] });
    assert.equal(status(diagnose(f), 'send-connector.no-smart-host'), 'likely');
  });

  it('a likely Case 1 finding does not stop the Case 2 questions after a relay refusal', () => {
    const f = facts({ ndrs: [ndr()], sendConnectors: [sendConnector({ requireTls: false })] });
    const v = diagnose(f);
    assert.equal(v.family, 'eop-relay-denied');
    assert.equal(v.questions[0]?.id, 'case2.inbound-connector');
  });

  it('a certificate name typed by the admin never confirms accepted-domain.not-accepted', () => {
    const f = facts({
      ndrs: [ndr()],
      acceptedDomains: [{ domainName: 'contoso.com' }],
      answers: { 'case2.presented-certificate-name': 'relay.other.org' },
    });
    const s = status(diagnose(f), 'accepted-domain.not-accepted');
    assert.ok(s === 'likely' || s === 'possible', String(s));
  });

  it('an inbound connector whose type the paste does not show is not "missing", and the question is asked', () => {
    const f = facts({ ndrs: [ndr()], inboundConnectors: [inboundConnector({ connectorType: '2' })] });
    const v = diagnose(f);
    // Only the NDR's hint remains (possible): the paste neither proves nor rules them out.
    assert.equal(status(v, 'inbound-connector.missing'), 'possible');
    assert.equal(status(v, 'inbound-connector.wrong-type'), 'possible');
    assert.ok(v.questions.some((q) => q.id === 'case2.inbound-connector'));
  });

  it('a certificate found by FQDN only (no TlsCertificateName) is a guess: mismatch at most likely', () => {
    const f: Facts = facts({
      sendConnectors: [sendConnector({ tlsCertificateName: '' })],
      certificates: [certificate({ subject: 'CN=mail.contoso.com', certificateDomains: ['mail.contoso.com'] })],
      inboundConnectors: [inboundConnector({ tlsSenderCertificateName: 'smtp.fabrikam.com' })],
    });
    assert.equal(status(diagnose(f), 'inbound-connector.certificate-mismatch'), 'likely');
  });

  it('a certificate of a two-label public suffix domain never turns into *.co.uk in a fix', () => {
    const f = facts({
      ndrs: [ndr({ senderDomain: 'contoso.co.uk', sender: 'a@contoso.co.uk' })],
      sendConnectors: [sendConnector({ tlsCertificateName: '<I>CN=CA<S>CN=contoso.co.uk', fqdn: 'contoso.co.uk' })],
      certificates: [
        certificate({ subject: 'CN=contoso.co.uk', issuer: 'CN=CA', certificateDomains: ['contoso.co.uk'] }),
      ],
      inboundConnectors: [inboundConnector({ tlsSenderCertificateName: 'mail.fabrikam.com' })],
    });
    const all = JSON.stringify(diagnose(f).causes.map((c) => c.fix));
    assert.doesNotMatch(all, /\*\.co\.uk|'co\.uk'/);
  });

  it("5.7.54 returned by another organization's server is other-relay-denied, nothing confirmed", () => {
    const text = pasteFixture('diagnostic-excerpt-5754-partner');
    const v = diagnose(buildFacts([text]));
    assert.equal(v.family, 'other-relay-denied');
    assert.ok(!v.causes.some((c) => c.status === 'confirmed'));
  });

  it('a bare "550 5.7.0 Relay Access Denied" is EOP\'s relay refusal', () => {
    assert.equal(diagnose(buildFacts(['550 5.7.0 Relay Access Denied'])).family, 'eop-relay-denied');
  });
});
