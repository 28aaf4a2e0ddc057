import assert from 'node:assert/strict';

import { emptyFacts, type Facts, mergeFacts, type NdrFacts, type SendConnector } from '../../../engine/facts';
import { dnsFailureOf } from '../../../engine/live/dns-port';
import { liveRequestFromFacts } from '../../../engine/live/live-request';
import { isSpfRecord, parseSpf, txtRecordText } from '../../../engine/live/spf-record';

// What the live step looks up, taken from facts; and the small parsers it relies on. Pure, no DNS.

function ndr(fields: Partial<NdrFacts>): NdrFacts {
  return { layout: 'exchange2013', rejectedBy: 'remote', recipients: [], timestamps: [], evidence: [], ...fields };
}

function connector(fields: Partial<SendConnector>): SendConnector {
  return {
    name: 'To EOP',
    addressSpaces: ['SMTP:*;1'],
    smartHosts: [],
    sourceTransportServers: [],
    truncated: [],
    lines: {},
    ...fields,
  };
}

function facts(add: Partial<Facts>): Facts {
  return mergeFacts(emptyFacts(), add);
}

describe('liveRequestFromFacts', () => {
  it('takes the domain in order: typed, NDR sender, default accepted domain, connector FQDN parent', () => {
    const all = facts({
      domain: 'Typed.Example',
      ndrs: [ndr({ senderDomain: 'sender.example' })],
      acceptedDomains: [
        { domainName: 'other.example', isDefault: false },
        { domainName: 'default.example', isDefault: true },
      ],
      sendConnectors: [connector({ fqdn: 'mail.fqdn.example' })],
    });
    assert.deepEqual(
      [liveRequestFromFacts(all).domain, liveRequestFromFacts(all).domainSource],
      ['typed.example', 'typed'],
    );
    const noTyped = { ...all, domain: undefined };
    assert.deepEqual(
      [liveRequestFromFacts(noTyped).domain, liveRequestFromFacts(noTyped).domainSource],
      ['sender.example', 'ndr-sender'],
    );
    const noSender = { ...noTyped, ndrs: [] };
    assert.deepEqual(
      [liveRequestFromFacts(noSender).domain, liveRequestFromFacts(noSender).domainSource],
      ['default.example', 'accepted-domain'],
    );
    const onlyFqdn = { ...noSender, acceptedDomains: [] };
    assert.deepEqual(
      [liveRequestFromFacts(onlyFqdn).domain, liveRequestFromFacts(onlyFqdn).domainSource],
      ['fqdn.example', 'send-connector-fqdn'],
    );
    assert.equal(liveRequestFromFacts(emptyFacts()).domain, undefined);
  });

  it('skips names that cannot be public: internal FQDNs, addresses typed as a domain keep their domain', () => {
    assert.equal(
      liveRequestFromFacts(facts({ sendConnectors: [connector({ fqdn: 'ex01.corp.local' })] })).domain,
      undefined,
    );
    assert.equal(liveRequestFromFacts(facts({ domain: 'admin@Contoso.com' })).domain, 'contoso.com');
    assert.equal(liveRequestFromFacts(facts({ domain: 'bücher.example' })).domain, 'xn--bcher-kva.example');
    assert.equal(liveRequestFromFacts(facts({ domain: 'no spaces allowed' })).domain, undefined);
  });

  it('smart hosts from every Send connector, normalized and unique, without IP literals', () => {
    const req = liveRequestFromFacts(
      facts({
        sendConnectors: [
          connector({ smartHosts: ['Contoso-com.mail.protection.outlook.com', '[192.0.2.1]'] }),
          connector({
            name: 'Second',
            smartHosts: ['contoso-com.mail.protection.outlook.com.', 'contoso-com.mail.protection.com'],
          }),
        ],
      }),
    );
    assert.deepEqual(req.smartHosts, ['contoso-com.mail.protection.outlook.com', 'contoso-com.mail.protection.com']);
  });

  it('remote hosts from NDRs, but not servers inside EOP/EXO nor IP literals', () => {
    const req = liveRequestFromFacts(
      facts({
        ndrs: [
          ndr({ remoteServer: 'AM5EUR02FT025.eop-EUR02.prod.protection.outlook.com' }),
          ndr({ remoteServer: 'contoso-com.mail.protection.com' }),
          ndr({ remoteServer: 'mail.fabrikam.example [198.51.100.7]' }),
          ndr({ remoteServer: '198.51.100.8' }),
          ndr({}),
        ],
      }),
    );
    assert.deepEqual(req.remoteHosts, ['contoso-com.mail.protection.com', 'mail.fabrikam.example']);
  });
});

describe('live parsing helpers', () => {
  it('maps resolver error codes to failures; unknown errors are "error"', () => {
    const cases: [string, string][] = [
      ['ENOTFOUND', 'nxdomain'],
      ['ENODATA', 'no-data'],
      ['ETIMEOUT', 'timeout'],
      ['ESERVFAIL', 'servfail'],
      ['EREFUSED', 'refused'],
      ['ECONNREFUSED', 'refused'],
      ['ECANCELLED', 'budget'],
      ['EBADRESP', 'error'],
    ];
    for (const [code, failure] of cases)
      assert.equal(dnsFailureOf(Object.assign(new Error(code), { code })), failure, code);
    assert.equal(dnsFailureOf('not an error'), 'error');
  });

  it('reads SPF includes and redirect; a "-include" does not authorize', () => {
    assert.equal(
      txtRecordText(['v=spf1 include:a.example ', 'include:B.example. -all']),
      'v=spf1 include:a.example include:B.example. -all',
    );
    assert.ok(isSpfRecord('V=SPF1 -all'));
    assert.ok(!isSpfRecord('v=spf10 -all'));
    assert.ok(!isSpfRecord('MS=ms123'));
    const spf = parseSpf(
      'v=spf1 ip4:192.0.2.0/24 +include:a.example ~include:b.example -include:c.example redirect=d.example',
    );
    assert.deepEqual(spf.includes, ['a.example', 'b.example']);
    assert.equal(spf.redirect, 'd.example');
  });
});
