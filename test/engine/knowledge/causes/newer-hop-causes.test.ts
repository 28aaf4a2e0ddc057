import assert from 'node:assert/strict';

import { buildFacts, causeEntry, type CauseId, diagnose, type Family } from '../../../../engine/index';
import { recognizeNdr } from '../../../../engine/recognize/ndr';
import { classifyNdr } from '../../../../engine/recognize/ndr/classify-ndr';

// The hop's newer failures (issue 12 §3) as causes: each reply → its family and cause, with a catalogue
// entry that cites a source; the opposite direction is recognized and never read as this hop.

interface Case {
  text: string;
  family: Family;
  confirmed?: CauseId;
  consider?: CauseId;
}

const CASES: Case[] = [
  {
    text: '550 5.7.230 Connecting Exchange server version is out-of-date; connection to Exchange Online blocked for 10 mins/hr.',
    family: 'eop-sender-blocked',
    confirmed: 'onprem.out-of-date-exchange',
  },
  {
    text: '450 4.7.230 Connecting Exchange server version is out-of-date; connection to Exchange Online throttled for 5 mins/hr.',
    family: 'eop-sender-blocked',
    confirmed: 'onprem.out-of-date-exchange',
  },
  {
    text: 'LastError : 451 4.4.0 Primary target IP address responded with: "421 4.2.1 Unable to connect." Attempted failover to alternate host, but that did not succeed.',
    family: 'connection-failure',
    consider: 'send-connector.tls-unknown-credentials',
  },
  {
    text: '550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources',
    family: 'eop-relay-denied',
    confirmed: 'eop.reject-direct-send',
  },
  {
    text: '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls',
    family: 'tls-failure',
    confirmed: 'onprem.legacy-tls-only',
  },
  {
    text: 'TLS negotiation failed with error UnknownCredentials',
    family: 'tls-failure',
    consider: 'send-connector.tls-unknown-credentials',
  },
  {
    text: 'Reason: [{LED=450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail] [LastAttemptedServerName=mail.contoso.com]};{MSG=};{FQDN=mail.contoso.com};{IP=203.0.113.10}]',
    family: 'other-failure',
    confirmed: 'hybrid.exo-to-onprem-certificate',
  },
  {
    text: 'Reason: [{LED=450 4.7.320 Certificate validation failed};{MSG=SubjectMismatch};{FQDN=hybrid.contoso.com};{IP=203.0.113.10}]',
    family: 'other-failure',
    confirmed: 'hybrid.exo-to-onprem-certificate',
  },
  {
    text: '450 4.4.316 Connection refused [Message=Socket error code 10061]',
    family: 'other-failure',
    consider: 'hybrid.exo-to-onprem-unreachable',
  },
];

describe('newer failures of the hop, and the opposite direction', () => {
  for (const c of CASES) {
    it(`${c.text.slice(0, 70)}… → ${c.family}`, () => {
      const ndrs = recognizeNdr(c.text);
      assert.equal(ndrs.length, 1);
      const cls = classifyNdr(ndrs[0]);
      assert.equal(cls.family, c.family);
      if (c.confirmed) assert.ok(cls.confirmed.includes(c.confirmed), `${cls.patternId}: ${cls.confirmed.join(',')}`);
      if (c.consider) assert.ok(cls.consider.includes(c.consider), `${cls.patternId}: ${cls.consider.join(',')}`);
      const verdict = diagnose(buildFacts([c.text]));
      assert.equal(verdict.family, c.family);
      const id = (c.confirmed ?? c.consider)!;
      assert.ok(
        verdict.causes.some((r) => r.id === id),
        verdict.causes.map((r) => r.id).join(','),
      );
      const entry = causeEntry(id);
      assert.ok(entry.sources.length >= 1 && entry.sources.every((s) => s.url.startsWith('https://')));
    });
  }

  it('5.7.68 (Direct Send to your own mailboxes) and 5.7.64 (relay to outside recipients) name different causes', () => {
    const direct = classifyNdr(recognizeNdr(CASES[3].text)[0]);
    const relay = classifyNdr(recognizeNdr('550 5.7.64 TenantAttribution; Relay Access Denied')[0]);
    assert.ok(direct.confirmed.includes('eop.reject-direct-send'));
    assert.ok(
      !relay.confirmed.includes('eop.reject-direct-send') && !relay.consider.includes('eop.reject-direct-send'),
    );
  });

  it('the opposite direction is never a relay family nor a Case 1 / Case 2 question', () => {
    for (const c of CASES.filter((x) => /4\.4\.31|4\.7\.320/.test(x.text))) {
      const v = diagnose(buildFacts([c.text]));
      assert.ok(
        ![
          'eop-relay-denied',
          'eop-wrong-endpoint',
          'tls-failure',
          'connection-failure',
          'onprem-relay-denied',
        ].includes(v.family),
        v.family,
      );
      for (const r of v.causes) assert.equal(causeEntry(r.id).case, 'other', r.id);
    }
  });

  it('the 421 4.2.1 fix asks for the Send protocol log line and names both TLS errors', () => {
    const fix = causeEntry('send-connector.tls-unknown-credentials').fix({});
    const all = JSON.stringify(fix);
    assert.match(all, /TLS negotiation failed/);
    assert.match(all, /NoCredentials/);
    assert.match(all, /UnknownCredentials/);
    assert.ok(fix.steps.some((s) => (s.powershell ?? '').includes('SendProtocolLogPath')));
  });
});
