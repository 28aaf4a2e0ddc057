import assert from 'node:assert/strict';

import { emptyFacts, LiveObservationSchema, mergeFacts } from '../../../engine/facts';
import { recognize } from '../../../engine/index';
import { MAX_CHECKED_HOSTS, MAX_LISTED_UNCHECKED, runLiveChecks } from '../../../engine/live/live-checks';
import { liveRequestFromFacts } from '../../../engine/live/live-request';
import { NodeDnsPort } from '../../../engine/live/node-dns-port';
import { startDnsServer, type TestDnsServer } from '../../support/dns-server';

// A paste can name any number of hosts; live checks look up only a fixed few (the Internet Send
// connector's smart hosts first) and say which were not looked up. Queries are counted on a real DNS
// server on 127.0.0.1 (dns2), which answers NXDOMAIN for every name outside its zone.

/** Get-SendConnector | Format-List output with the given connectors (name, address space, smart hosts). */
function connectorOutput(connectors: { name: string; space: string; hosts: string[] }[]): string {
  return connectors
    .map((c) =>
      [
        `AddressSpaces                : {${c.space}}`,
        'DNSRoutingEnabled            : False',
        'Enabled                      : True',
        'Fqdn                         : mail.contoso.com',
        `Identity                     : ${c.name}`,
        `Name                         : ${c.name}`,
        'Port                         : 25',
        `SmartHosts                   : {${c.hosts.join(', ')}}`,
        'SourceTransportServers       : {EX01}',
      ].join('\n'),
    )
    .join('\n\n');
}

describe('live checks: a fixed number of hosts, whatever the paste names', () => {
  let server: TestDnsServer;
  before(async () => {
    server = await startDnsServer({
      zone: {
        'contoso.com': {
          MX: [{ exchange: 'contoso-com.mail.protection.outlook.com', priority: 0 }],
          TXT: ['v=spf1 include:spf.protection.outlook.com -all'],
        },
        'contoso-com.mail.protection.outlook.com': { A: ['192.0.2.10'] },
      },
    });
  });
  after(async () => {
    await server.close();
  });

  it("1500 smart hosts in one paste: the Internet connector's host is checked, at most 24 queries, the rest listed as not checked", async () => {
    const many = Array.from({ length: 1500 }, (_, i) => `r${i}.partner.example`);
    const paste = connectorOutput([
      { name: 'Partners', space: 'SMTP:partner.example;1', hosts: many },
      { name: 'To EOP', space: 'SMTP:*;1', hosts: ['contoso-com.mail.protection.outlook.com'] },
    ]);
    assert.ok(paste.length < 40_000, `the paste fits the paste limit (${paste.length})`);
    const facts = mergeFacts(emptyFacts(), { ...recognize(paste).facts, domain: 'contoso.com' });
    assert.equal(facts.sendConnectors.length, 2, 'both connectors were read');

    server.queries.length = 0;
    const port = new NodeDnsPort({ servers: [server.address], timeoutMs: 1000, tries: 1 });
    const obs = await runLiveChecks(liveRequestFromFacts(facts), port, { budgetMs: 3000 });
    for (const o of obs) LiveObservationSchema.parse(o);

    assert.ok(server.queries.length <= 24, `${server.queries.length} DNS queries`);
    const looked = new Set(server.queries.map((q) => q.name));
    assert.ok(
      looked.has('contoso-com.mail.protection.outlook.com'),
      "the Internet connector's smart host was looked up",
    );
    assert.ok(looked.has('contoso.com'), "the domain's MX and SPF were looked up");

    const hostChecks = obs.filter((o) => o.check === 'smart-host' && o.failure !== 'not-checked');
    assert.equal(hostChecks.length, MAX_CHECKED_HOSTS);
    assert.equal(hostChecks[0].subject, 'contoso-com.mail.protection.outlook.com');
    assert.equal(hostChecks[0].outcome, 'ok');

    const skipped = obs.filter((o) => o.failure === 'not-checked');
    assert.equal(skipped.length, 1, 'one observation stands for all hosts not looked up');
    assert.equal(skipped[0].outcome, 'could-not-check');
    assert.equal(skipped[0].values.length, MAX_LISTED_UNCHECKED);
    assert.ok(
      skipped[0].values.every((h) => !looked.has(h)),
      'hosts listed as not checked were not looked up',
    );
    assert.match(skipped[0].detail ?? '', new RegExp(`^${1501 - MAX_CHECKED_HOSTS} host names`));
  });

  it('a few hosts: all are checked and nothing is reported as not checked', async () => {
    const port = new NodeDnsPort({ servers: [server.address], timeoutMs: 1000, tries: 1 });
    const obs = await runLiveChecks(
      {
        domain: 'contoso.com',
        smartHosts: ['contoso-com.mail.protection.outlook.com', 'a.partner.example'],
        remoteHosts: ['b.partner.example'],
      },
      port,
    );
    assert.deepEqual(
      obs.filter((o) => o.check === 'smart-host').map((o) => [o.subject, o.outcome]),
      [
        ['contoso-com.mail.protection.outlook.com', 'ok'],
        ['a.partner.example', 'nxdomain'],
        ['b.partner.example', 'nxdomain'],
      ],
    );
    assert.equal(obs.filter((o) => o.failure === 'not-checked').length, 0);
  });
});
