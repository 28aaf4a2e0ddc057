import assert from 'node:assert/strict';

import type { NdrFacts } from '../../../engine/facts';
import { NDR_PATTERNS } from '../../../engine/knowledge/ndr-patterns';
import { recognizeNdr } from '../../../engine/recognize/ndr';
import { classifyNdr } from '../../../engine/recognize/ndr/classify-ndr';
import { codesOf } from '../../../engine/recognize/ndr/smtp-reply';
import { CAUSE_IDS, FAMILIES } from '../../../engine/vocabulary';

// Every NDR string of docs/knowledge.md#families (exact, as its sources give it), with the host context of
// docs/knowledge.md#which-side where the family depends on who refused.

type Ctx = Partial<Pick<NdrFacts, 'remoteServer' | 'generatingServer' | 'replyHost' | 'rejectedBy'>>;

function facts(diagnostic: string, ctx: Ctx = {}): NdrFacts {
  const codes = codesOf(diagnostic);
  return {
    layout: 'smtp-reply',
    diagnostic,
    replyCode: codes.replyCode,
    enhancedStatus: codes.enhancedStatus,
    rejectedBy: ctx.rejectedBy ?? (ctx.remoteServer || ctx.replyHost ? 'remote' : 'unknown'),
    recipients: [],
    timestamps: [],
    evidence: [diagnostic],
    ...ctx,
  };
}

const EOP_HOST: Ctx = {
  remoteServer: 'contoso-com.mail.protection.outlook.com',
  generatingServer: 'ex01.corp.contoso.com',
};
const THIRD: Ctx = { remoteServer: 'mx.fabrikam.example', generatingServer: 'ex01.corp.contoso.com' };
const ONPREM: Ctx = { generatingServer: 'ex01.corp.contoso.com', rejectedBy: 'generating' };

const ROWS: Array<[string, string, string, Ctx?]> = [
  ['#550 5.4.1 Relay Access Denied ##', 'eop.5.4.1.relay-access-denied', 'eop-relay-denied'],
  ['550 5.4.1 Relay Access Denied', 'eop.5.4.1.relay-access-denied', 'eop-relay-denied', EOP_HOST],
  ['550 5.7.64 TenantAttribution; Relay Access Denied', 'eop.5.7.64.tenant-attribution', 'eop-relay-denied'],
  ['550 5.7.64 TenantAttribution; Relay Access Denied SMTP', 'eop.5.7.64.tenant-attribution', 'eop-relay-denied'],
  ['550 5.7.64 TenantAttribution; Relay Access Denied SMTP.', 'eop.5.7.64.tenant-attribution', 'eop-relay-denied'],
  [
    '550 5.7.64 TenantAttribution; Relay Access Denied [AM5EUR02FT025.eop-EUR02.prod.protection.outlook.com]',
    'eop.5.7.64.tenant-attribution',
    'eop-relay-denied',
  ],
  [
    '550 5.7.64 Relay Access Denied ATTR36. For more details please refer to: https://support.microsoft.com/kb/3169958',
    'eop.5.7.64.attr36',
    'eop-relay-denied',
  ],
  [
    '550 5.7.64 Relay Access Denied ATTR36. For more information, see KB 3169958',
    'eop.5.7.64.attr36',
    'eop-relay-denied',
  ],
  ['451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35.', 'eop.4.4.62.attr35', 'eop-wrong-endpoint'],
  [
    '451 4.4.62 Mail sent to the wrong Office 365 region. ATTR35. For more information go to https://go.microsoft.com/fwlink/p/?linkid=865268.',
    'eop.4.4.62.attr35',
    'eop-wrong-endpoint',
  ],
  ['451 4.4.62 Mail sent to the wrong Office 365 region, ATTR35.', 'eop.4.4.62.attr35', 'eop-wrong-endpoint'],
  [
    "550 5.7.51 TenantInboundAttribution; There is a partner connector configured that matched the message's recipient domain. The connector had either the RestrictDomainsToIPAddresses or RestrictDomainsToCertificate set",
    'eop.5.7.51.tenant-inbound-attribution',
    'eop-relay-denied',
  ],
  [
    '454 4.7.0 Failed to establish appropriate TLS channel: UntrustedRoot: Access Denied',
    'eop.4.7.0.untrusted-root',
    'tls-failure',
  ],
  [
    '454 4.7.0 Failed to establish appropriate TLS channel: SomethingElse: Access Denied',
    'eop.4.7.0.tls-channel',
    'tls-failure',
  ],
  [
    "Remote Server returned '550;5.7.711 Access denied, bad inbound connector. AS(2204).'",
    'eop.5.7.711.bad-inbound-connector',
    'eop-sender-blocked',
  ],
  [
    '550 5.7.68 TenantInboundAttribution; Direct Send not allowed for this organization from unauthorized sources',
    'eop.5.7.68.direct-send',
    'eop-relay-denied',
  ],
  ['550 5.7.1 Relay Access Denied ATTR1', 'eop.5.7.x.relay-access-denied-attr', 'eop-relay-denied'],
  ['550 5.7.0 Relay Access Denied', 'eop.5.7.x.relay-access-denied-attr', 'eop-relay-denied', EOP_HOST],
  ['550 5.7.1 Unable to accept unauthorized message over IPv6 ATTR2', 'eop.5.7.1.ipv6-attr2', 'eop-relay-denied'],
  ['451 4.4.4 Temporary server error. Please try again later ATTR3', 'eop.attr-temporary', 'other-failure'],
  ['451 4.3.2 Temporary server error. Please try again later ATTR55', 'eop.attr-temporary', 'other-failure'],
  ['451 4.4.3 Temporary server error. Please try again later ATTR55.1', 'eop.attr-temporary', 'other-failure'],
  [
    '550 4.4.4 Mail received as unauthenticated, incoming to a recipient domain configured in a hosted tenant which has no mail-enabled subscriptions. ATTR5',
    'eop.4.4.4.no-mail-subscription',
    'other-failure',
  ],
  ['554 5.4.6 Hop count exceeded - possible mail loop ATTR1', 'eop.5.4.14.hop-count-attr', 'connection-failure'],
  ['554 5.4.14 Hop count exceeded - possible mail loop ATTR34', 'eop.5.4.14.hop-count-attr', 'connection-failure'],
  [
    '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain',
    'onprem.5.7.54.unable-to-relay',
    'onprem-relay-denied',
    ONPREM,
  ],
  ['550 5.7.1 Unable to relay', 'onprem.5.7.1.unable-to-relay', 'onprem-relay-denied', ONPREM],
  ['550 5.7.1 Unable to relay', 'other.relay-denied', 'other-relay-denied', THIRD],
  ['550 5.7.1 Unable to relay', 'eop.5.7.1.unable-to-relay', 'eop-relay-denied', EOP_HOST],
  [
    '454 4.7.5 The certificate specified in TlsCertificateName of the SendConnector could not be found.',
    'onprem.4.7.5.certificate-not-found',
    'tls-failure',
  ],
  [
    '454 4.7.5 The certificate specified in the tlscertificatename of the send connector could not be found.',
    'onprem.4.7.5.certificate-not-found',
    'tls-failure',
  ],
  ['TLS negotiation failed with error NoCredentials', 'onprem.tls-nocredentials', 'tls-failure'],
  ['TLS negotiation failed with error UnknownCredentials.', 'onprem.tls-nocredentials', 'tls-failure'],
  ['421 4.4.2 Connection dropped due to SocketError', 'onprem.tls-socketerror', 'tls-failure'],
  ['451 5.7.3 Must issue a STARTTLS command first', 'eop.5.7.3.starttls-required', 'tls-failure'],
  [
    '451 4.4.0 Primary target IP address responded with: "451 5.7.3 Must issue a STARTTLS command first."',
    'eop.5.7.3.starttls-required',
    'tls-failure',
  ],
  [
    '451 4.4.0 Primary target IP address responded with: "421 4.4.1 Connection timed out." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.',
    'onprem.4.4.1.connection-timed-out',
    'connection-failure',
  ],
  [
    '450 4.4.101 Proxy session setup failed on Frontend with \'451 4.4.0 Primary target IP address responded with "451 5.7.3 STARTTLS is required to send mail." Attempted failover to alternate host, but that did not succeed.\'',
    'exo.4.4.101.proxy-starttls',
    'other-failure',
  ],
  ['451 4.7.0 Temporary server error. Please try again later. PRX3', 'onprem.4.7.0.proxy-prx', 'connection-failure'],
  ['451 4.7.0 Temporary server error. Please try again later. CPRX2', 'onprem.4.7.0.proxy-prx', 'connection-failure'],
  ['451 4.4.0 DNS query failed', 'onprem.4.4.0.dns-query-failed', 'connection-failure'],
  [
    '554 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain',
    'onprem.5.4.4.nonexistent-domain',
    'connection-failure',
  ],
  ['#550 4.4.7 QUEUE.Expired; message expired ##', 'onprem.4.4.7.expired', 'connection-failure'],
  ['554 5.4.6 Hop count exceeded - possible mail loop', 'onprem.5.4.6.hop-count', 'connection-failure'],
  [
    '550 5.7.606 Access denied, banned sending IP [203.0.113.9]. To request removal from this list please visit https://sender.office.com/ and follow the directions. For more information please go to http://go.microsoft.com/fwlink/?LinkID=526655 AS(1430)',
    'eop.5.7.606-649.banned-ip',
    'eop-sender-blocked',
  ],
  ['550 5.7.649 Access denied, banned sending IP [203.0.113.9].', 'eop.5.7.606-649.banned-ip', 'eop-sender-blocked'],
  [
    '451 4.7.500 Server busy. Please try again later from [203.0.113.9]. (AS843)',
    'eop.4.7.5xx-6xx.throttled',
    'eop-sender-blocked',
  ],
  [
    '451 4.7.650 The mail server [203.0.113.9] has been temporarily rate limited due to IP reputation.',
    'eop.4.7.5xx-6xx.throttled',
    'eop-sender-blocked',
  ],
  ['451 4.7.850 Access denied, please try again later', 'eop.4.7.850-899.access-denied', 'eop-sender-blocked'],
  ['550 5.7.705 Access denied, tenant has exceeded threshold.', 'eop.5.7.705.tenant-threshold', 'eop-sender-blocked'],
  [
    '550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to https://go.microsoft.com/fwlink/?LinkID=526655 AS(7171)',
    'eop.5.7.708.ip-not-accepted',
    'eop-sender-blocked',
  ],
  ['5.7.708 Access denied, traffic not accepted from this IP.', 'eop.5.7.708.ip-not-accepted', 'eop-sender-blocked'],
  [
    '5.7.750 Client blocked from sending from unregistered domain',
    'eop.5.7.750.unregistered-domain',
    'eop-sender-blocked',
  ],
  [
    '550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.',
    'eop.5.7.750.unregistered-domain',
    'eop-sender-blocked',
  ],
  [
    "550 5.7.233 Your message can't be sent because your trial tenant exceeded its daily limit for sending email to external recipients (tenant external recipient rate limit)",
    'eop.5.7.23x.tenant-rate-limit',
    'eop-sender-blocked',
  ],
  [
    '550 5.7.1 Service unavailable; Client host [203.0.113.9] blocked using Blocklist 1; To request removal from this list please forward this message to delist@messaging.microsoft.com',
    'eop.5.7.1.blocklist',
    'eop-sender-blocked',
  ],
  [
    "550 5.7.1 Unfortunately, messages from [203.0.113.9] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).",
    'eop.5.7.1.blocklist',
    'eop-sender-blocked',
  ],
  [
    '550 5.7.1 Service unavailable, Client host [203.0.113.9] blocked using Spamhaus',
    'eop.5.7.1.blocklist',
    'eop-sender-blocked',
  ],
  ['550 5.7.1. Unable To Relay: Blocked by Customer Allow list', 'eop.5.7.1.allow-list', 'eop-sender-blocked'],
  [
    '550 5.7.23 The message was rejected because of Sender Policy Framework violation',
    'other.5.7.23.spf',
    'other-failure',
  ],
  [
    '550 5.7.367 Remote server returned not permitted to relay -> 554 5.7.1 Relaying denied',
    'other.5.7.367.not-permitted-to-relay',
    'other-relay-denied',
  ],
  ['550 5.1.8 Access denied, bad outbound sender AS(42003)', 'eop.5.1.8.bad-outbound-sender', 'eop-sender-blocked'],
  [
    '550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DM3NAM02FT046.eop-nam02.prod.protection.outlook.com 2023-06-20T19:43:27.107Z 08DB718AC702989A]',
    'eop.5.4.1.dbeb-recipient-rejected',
    'eop-recipient-rejected',
  ],
  ['530 5.7.57 Client not authenticated to send mail', 'eop.5.7.57.client-not-authenticated', 'eop-wrong-endpoint'],
  [
    '530 5.7.57 Client was not authenticated to send anonymous mail during MAIL FROM',
    'eop.5.7.57.client-not-authenticated',
    'eop-wrong-endpoint',
  ],
  [
    '535 5.7.3 Authentication unsuccessful',
    'eop.smtp-auth-endpoint',
    'eop-wrong-endpoint',
    { remoteServer: 'smtp.office365.com' },
  ],
  ['535 5.7.3 Authentication unsuccessful', 'other.smtp-auth', 'other-failure'],
  [
    '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
    'eop.smtp-auth-endpoint',
    'eop-wrong-endpoint',
    { remoteServer: 'smtp.office365.com' },
  ],
  ['450 4.4.312 DNS query failed', 'exo.4.4.31x.onprem-unreachable', 'other-failure'],
  [
    '450 4.4.316 Connection refused [Message=Socket error code 10061]',
    'exo.4.4.31x.onprem-unreachable',
    'other-failure',
  ],
  [
    '450 4.4.317 Cannot connect to remote server [Message=UntrustedRoot]',
    'exo.4.4.31x.onprem-unreachable',
    'other-failure',
  ],
  ['450 4.7.320 Certificate validation failed', 'exo.onprem-certificate-mismatch', 'other-failure'],
  // Any 4.7.320 is the certificate failure, also without the words "certificate" or "SubjectMismatch".
  ['450 4.7.320 Message deferred by the remote server', 'exo.onprem-certificate-mismatch', 'other-failure'],
  // Added (issue 12): the opposite direction's certificate failures, 421 4.2.1 behind a queue wrapper, legacy TLS, out-of-date Exchange.
  [
    '450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail]',
    'exo.onprem-certificate-mismatch',
    'other-failure',
  ],
  [
    '451 4.4.0 Primary target IP address responded with: "421 4.2.1 Unable to connect." Attempted failover to alternate host, but that did not succeed.',
    'onprem.4.2.1.unable-to-connect',
    'connection-failure',
  ],
  [
    '421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2.',
    'eop.4.7.66.legacy-tls',
    'tls-failure',
  ],
  [
    '550 5.7.230 Connecting Exchange server version is out-of-date; connection to Exchange Online blocked for 10 mins/hr.',
    'eop.5.7.230.out-of-date-exchange',
    'eop-sender-blocked',
  ],
  [
    "550 5.0.350 Your message couldn't be delivered because an email server outside Office 365 reported an error that it couldn't relay your message.",
    'exo.couldnt-relay',
    'other-relay-denied',
  ],
  [
    'fabrikam.example #5.7.1 smtp;554 5.71 kim@fabrikam.example: Relay access denied',
    'fope.5.7.1.relay-access-denied',
    'eop-relay-denied',
  ],
  [
    'fabrikam.example #< fabrikam.example #5.4.6 smtp;554 5.4.6 Hop count exceeded - possible mail loop> #SMTP#',
    'onprem.5.4.6.hop-count',
    'connection-failure',
  ],
  // other MTAs
  ['554 5.7.1 <kim@fabrikam.example>: Relay access denied', 'other.relay-denied', 'other-relay-denied'],
  ['550 5.7.1 Relaying denied. IP name lookup failed [192.0.2.254]', 'other.relay-denied', 'other-relay-denied'],
  ['550 5.7.1 we do not relay', 'other.relay-denied', 'other-relay-denied'],
  ['550 5.4.1 Relay Access Denied', 'other.relay-denied', 'other-relay-denied', THIRD],
  [
    '501 <a@b.example>... no access from mail server [192.0.2.55] which is an open relay.',
    'generic.delivery-failure',
    'other-failure',
  ],
  ['550 5.1.1 User unknown', 'generic.recipient-unknown', 'other-failure'],
  ['550 5.2.2 STOREDRV.Deliver: mailbox full.', 'generic.mailbox-full', 'other-failure'],
];

describe('NDR pattern table', () => {
  it('uses only vocabulary families and cause ids, with sources and unique ids', () => {
    const ids = new Set<string>();
    for (const p of NDR_PATTERNS) {
      assert.ok(!ids.has(p.id), `duplicate id ${p.id}`);
      ids.add(p.id);
      assert.ok((FAMILIES as readonly string[]).includes(p.family), p.id);
      for (const c of [...p.confirmed, ...p.consider, ...p.unlikely])
        assert.ok((CAUSE_IDS as readonly string[]).includes(c), `${p.id}: ${c}`);
      assert.ok(p.sources.length > 0 && p.sources.every((s) => /^https?:\/\//.test(s)), p.id);
    }
  });

  it('has a row in this test for every pattern', () => {
    const tested = new Set(ROWS.map((r) => r[1]));
    const missing = NDR_PATTERNS.map((p) => p.id).filter((id) => !tested.has(id));
    assert.deepEqual(missing, []);
  });

  for (const [text, id, family, ctx] of ROWS) {
    it(`${text.slice(0, 70)}${ctx ? ` [${ctx.remoteServer ?? ctx.rejectedBy}]` : ''} → ${id}`, () => {
      const cls = classifyNdr(facts(text, ctx));
      assert.equal(cls.patternId, id);
      assert.equal(cls.family, family);
    });
  }

  it('confirms the causes the text proves', () => {
    assert.deepEqual(classifyNdr(facts('550 5.7.64 Relay Access Denied ATTR36.')).confirmed, [
      'accepted-domain.not-accepted',
    ]);
    assert.deepEqual(
      classifyNdr(
        facts(
          "550 5.7.51 TenantInboundAttribution; There is a partner connector configured that matched the message's recipient domain.",
        ),
      ).confirmed,
      ['inbound-connector.partner-restriction'],
    );
    assert.ok(
      classifyNdr(facts('550 5.7.64 TenantAttribution; Relay Access Denied')).unlikely.includes(
        'send-connector.no-smart-host',
      ),
    );
    assert.deepEqual(
      classifyNdr(facts('530 5.7.57 Client not authenticated to send mail', { remoteServer: 'smtp.office365.com' }))
        .confirmed,
      ['send-connector.client-submission-endpoint'],
    );
    assert.deepEqual(classifyNdr(facts('530 5.7.57 Client not authenticated to send mail')).confirmed, []);
    // 5.7.54 is proven on-prem only when no Microsoft host refused
    assert.deepEqual(
      classifyNdr(facts('550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain', ONPREM)).confirmed,
      ['onprem.receive-connector-relay'],
    );
    assert.deepEqual(
      classifyNdr(facts('550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain', EOP_HOST)).confirmed,
      [],
    );
  });

  it('the recognizer finds each code-bearing string on its own', () => {
    for (const [text, id] of ROWS) {
      if (/^[a-z]/i.test(text) && !/#/.test(text) && !/^TLS/.test(text)) continue; // prose or host-led lines
      if (!/(?<![\d.])[245]\.\d{1,3}\.\d{1,3}(?![\d.])/.test(text) && !/^TLS/.test(text)) continue; // a bare basic code is no proof of an NDR
      const ndrs = recognizeNdr(text);
      assert.ok(ndrs.length >= 1, `not recognized: ${text}`);
      if (
        !text.includes('Unable to relay') &&
        !text.startsWith('550 5.4.1 Relay') &&
        !text.includes('Authentication unsuccessful') &&
        !text.includes('5.7.60') &&
        !text.startsWith('550 5.7.0 Relay')
      )
        assert.equal(ndrs[0].patternId, id, text);
    }
  });
});
