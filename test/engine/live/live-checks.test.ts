import assert from 'node:assert/strict';

import { type LiveObservation, LiveObservationSchema } from '../../../engine/facts';
import { runLiveChecks } from '../../../engine/live/live-checks';
import { NodeDnsPort } from '../../../engine/live/node-dns-port';
import { startDnsServer, type TestDnsServer, type Zone } from '../../support/dns-server';

// Live checks against a real DNS server on 127.0.0.1. Host formats in the zone, with their sources
// (docs/knowledge.md#endpoints):
// - contoso-com.mail.protection.outlook.com: Microsoft Learn, "Set up connectors to route mail"
//   https://learn.microsoft.com/en-us/exchange/mail-flow-best-practices/use-connectors-to-configure-mail-flow/set-up-connectors-to-route-mail
// - heig-vd.ch -> heigvd-ch01b.mail.protection.outlook.com: public DNS of a hyphenated domain, cited in
//   https://www.deskdr.com/dr/can-we-generate-the-offfice-365-mx-token-needed-for-the-mx-dns-record-by-ourselves.html
// - contosotest-com.o-v1.mx.microsoft: https://learn.microsoft.com/en-us/microsoft-365/enterprise/configure-multi-geo-in-region-routing
// - contoso.mail.protection.office365.us, include:spf.protection.office365.us:
//   https://learn.microsoft.com/en-us/microsoft-365/enterprise/dns-records-for-office-365-gcc-high
// - synyi-com.mail.protection.partner.outlook.cn, include:spf.protection.partner.outlook.cn:
//   https://docs.microsoft.com/office365/admin/services-in-china/create-dns-records-when-you-manage-your-dns-records?view=o365-21vianet
// - contoso-com.mail.protection.com (the typo): https://support.microsoft.com/kb/2827473/EN-US
// - include:spf.protection.outlook.com: https://learn.microsoft.com/en-us/defender-office-365/email-authentication-spf-configure
// Invented names use the reserved .test / .example names; addresses are documentation ranges.

const EOP_SPF = 'v=spf1 include:spf.protection.outlook.com -all';

const ZONE: Zone = {
  // Healthy commercial tenant.
  'contoso.com': {
    MX: [{ exchange: 'contoso-com.mail.protection.outlook.com', priority: 0 }],
    TXT: [EOP_SPF, 'MS=ms12345678'],
  },
  'contoso-com.mail.protection.outlook.com': { A: ['192.0.2.10', '192.0.2.11'] },
  // Hyphenated domain: the token drops the hyphen and carries a suffix.
  'heig-vd.ch': {
    MX: [{ exchange: 'heigvd-ch01b.mail.protection.outlook.com', priority: 10 }],
    TXT: [['v=spf1 include:_spf.heig-vd.ch ', 'include:spf.protection.outlook.com ~all']],
  },
  'heigvd-ch01b.mail.protection.outlook.com': { A: ['192.0.2.20'] },
  // DNSSEC (mx.microsoft) tenant whose SPF reaches Microsoft only through a nested include.
  'contosotest.com': {
    MX: [{ exchange: 'contosotest-com.o-v1.mx.microsoft', priority: 0 }],
    TXT: ['v=spf1 include:_spf.contosotest.com -all'],
  },
  '_spf.contosotest.com': { TXT: ['v=spf1 ip4:198.51.100.0/24 include:spf.protection.outlook.com -all'] },
  'contosotest-com.o-v1.mx.microsoft': { A: ['192.0.2.30'] },
  // GCC High.
  'contoso.us.test': {
    MX: [{ exchange: 'contoso.mail.protection.office365.us', priority: 0 }],
    TXT: ['v=spf1 include:spf.protection.office365.us -all'],
  },
  'contoso.mail.protection.office365.us': { A: ['192.0.2.40'] },
  // 21Vianet MX with a commercial SPF include: a cloud mismatch (a warning).
  'synyi.test': { MX: [{ exchange: 'synyi-com.mail.protection.partner.outlook.cn', priority: 0 }], TXT: [EOP_SPF] },
  // Behind a third-party filter; SPF without Microsoft's include.
  'fabrikam.test': {
    MX: [
      { exchange: 'eu-smtp-inbound-2.filter.example', priority: 20 },
      { exchange: 'eu-smtp-inbound-1.filter.example', priority: 10 },
    ],
    TXT: ['v=spf1 include:spf.filter.example -all'],
  },
  'spf.filter.example': { TXT: ['v=spf1 ip4:203.0.113.0/24 -all'] },
  'eu-smtp-inbound-1.filter.example': { A: ['203.0.113.5'] },
  // The organization's own server as MX; two SPF records (a permerror).
  'tailspin.test': { MX: [{ exchange: 'mail.tailspin.test', priority: 10 }], TXT: ['v=spf1 mx -all', 'v=spf1 a -all'] },
  'mail.tailspin.test': { A: ['198.51.100.25'] },
  // A domain with no MX and no SPF (TXT exists, but not SPF).
  'nomx.test': { A: ['198.51.100.30'], TXT: ['google-site-verification=abc'] },
  // Smart hosts resolvable only by AAAA, or only by MX.
  'v6.relay.test': { AAAA: ['2001:db8::25'] },
  'mxonly.relay.test': { MX: [{ exchange: 'mail.relay.test', priority: 5 }] },
};

function one(obs: LiveObservation[], check: LiveObservation['check'], subject: string): LiveObservation {
  const found = obs.filter((o) => o.check === check && o.subject === subject);
  assert.equal(found.length, 1, `expected one ${check} observation for ${subject}, got ${found.length}`);
  return found[0];
}

describe('live checks against a real DNS server on 127.0.0.1', () => {
  let server: TestDnsServer;
  let port: NodeDnsPort;
  const fixed = new Date('2025-03-04T12:04:00.000Z');
  const run = (request: Parameters<typeof runLiveChecks>[0]) =>
    runLiveChecks(request, port, { now: () => fixed, vantage: "the bot's host", budgetMs: 3000 });

  before(async () => {
    server = await startDnsServer({ zone: ZONE, servfail: ['broken.test'] });
    port = new NodeDnsPort({ servers: [server.address], timeoutMs: 500, tries: 1 });
  });
  after(async () => {
    await server.close();
  });

  it('healthy tenant: EOP MX, smart host is the tenant endpoint and resolves, SPF includes EOP', async () => {
    const obs = await run({ domain: 'contoso.com', smartHosts: ['contoso-com.mail.protection.outlook.com'] });
    for (const o of obs) LiveObservationSchema.parse(o);
    const mx = one(obs, 'mx', 'contoso.com');
    assert.equal(mx.outcome, 'ok');
    assert.deepEqual(mx.values, ['contoso-com.mail.protection.outlook.com']);
    assert.deepEqual(mx.endpointKinds, ['eop-commercial']);
    assert.deepEqual(mx.findings, ['mx.eop']);
    const sh = one(obs, 'smart-host', 'contoso-com.mail.protection.outlook.com');
    assert.equal(sh.outcome, 'ok');
    assert.deepEqual(sh.values, ['192.0.2.10', '192.0.2.11']);
    assert.equal(sh.origin, 'send-connector');
    assert.deepEqual(sh.findings, ['smart-host.tenant-endpoint']);
    const spf = one(obs, 'spf', 'contoso.com');
    assert.equal(spf.outcome, 'ok');
    assert.deepEqual(spf.values, [EOP_SPF]);
    assert.deepEqual(spf.endpointKinds, ['eop-commercial']);
    assert.deepEqual(spf.findings, ['spf.eop-include']);
  });

  it('marks every observation with the vantage point (and its resolver) and the time', async () => {
    const obs = await run({ domain: 'contoso.com' });
    assert.equal(obs.length, 2);
    for (const o of obs) {
      assert.equal(o.observedAt, '2025-03-04T12:04:00.000Z');
      assert.equal(o.vantage, `the bot's host (DNS servers ${server.address})`);
    }
  });

  it('hyphenated domain: reads the 01b token from the MX instead of deriving it', async () => {
    const obs = await run({
      domain: 'HEIG-VD.CH.',
      smartHosts: ['heig-vd-ch.mail.protection.outlook.com', 'heigvd-ch01b.mail.protection.outlook.com'],
    });
    const mx = one(obs, 'mx', 'heig-vd.ch');
    assert.deepEqual(mx.values, ['heigvd-ch01b.mail.protection.outlook.com']);
    assert.deepEqual(mx.findings, ['mx.eop']);
    const derived = one(obs, 'smart-host', 'heig-vd-ch.mail.protection.outlook.com');
    assert.equal(derived.outcome, 'nxdomain');
    assert.deepEqual(derived.findings, ['smart-host.eop-not-in-mx']);
    const real = one(obs, 'smart-host', 'heigvd-ch01b.mail.protection.outlook.com');
    assert.equal(real.outcome, 'ok');
    assert.deepEqual(real.findings, ['smart-host.tenant-endpoint']);
    // SPF split over two character-strings is read as one record.
    const spf = one(obs, 'spf', 'heig-vd.ch');
    assert.deepEqual(spf.findings, ['spf.eop-include']);
  });

  it('mx.microsoft (DNSSEC) tenant; SPF reaches EOP through a nested include', async () => {
    const obs = await run({ domain: 'contosotest.com', smartHosts: ['contosotest-com.o-v1.mx.microsoft'] });
    const mx = one(obs, 'mx', 'contosotest.com');
    assert.deepEqual(mx.endpointKinds, ['eop-mx-microsoft']);
    assert.deepEqual(mx.findings, ['mx.eop']);
    assert.deepEqual(one(obs, 'smart-host', 'contosotest-com.o-v1.mx.microsoft').findings, [
      'smart-host.tenant-endpoint',
    ]);
    const spf = one(obs, 'spf', 'contosotest.com');
    assert.deepEqual(spf.findings, ['spf.eop-include']);
    assert.deepEqual(spf.endpointKinds, ['eop-commercial']);
    assert.ok(server.queries.some((q) => q.name === '_spf.contosotest.com' && q.type === 'TXT'));
  });

  it('GCC High: office365.us MX and SPF, no cloud mismatch', async () => {
    const obs = await run({ domain: 'contoso.us.test' });
    const mx = one(obs, 'mx', 'contoso.us.test');
    assert.deepEqual(mx.endpointKinds, ['eop-gcc-high']);
    assert.deepEqual(mx.findings, ['mx.eop']);
    const spf = one(obs, 'spf', 'contoso.us.test');
    assert.deepEqual(spf.endpointKinds, ['eop-gcc-high']);
    assert.deepEqual(spf.findings, ['spf.eop-include']);
  });

  it('21Vianet MX with the commercial SPF include: spf.cloud-mismatch', async () => {
    const obs = await run({ domain: 'synyi.test' });
    assert.deepEqual(one(obs, 'mx', 'synyi.test').endpointKinds, ['eop-21vianet']);
    assert.deepEqual(one(obs, 'spf', 'synyi.test').findings, ['spf.eop-include', 'spf.cloud-mismatch']);
  });

  it('third-party filter: MX is not EOP; a smart host copied from it is flagged; SPF lacks the EOP include', async () => {
    const obs = await run({ domain: 'fabrikam.test', smartHosts: ['eu-smtp-inbound-1.filter.example'] });
    const mx = one(obs, 'mx', 'fabrikam.test');
    assert.equal(mx.outcome, 'ok');
    // Preference order: the lower number first.
    assert.deepEqual(mx.values, ['eu-smtp-inbound-1.filter.example', 'eu-smtp-inbound-2.filter.example']);
    assert.deepEqual(mx.endpointKinds, ['other', 'other']);
    assert.deepEqual(mx.findings, ['mx.third-party']);
    const sh = one(obs, 'smart-host', 'eu-smtp-inbound-1.filter.example');
    assert.equal(sh.outcome, 'ok');
    assert.deepEqual(sh.findings, ['smart-host.is-domain-mx']);
    const spf = one(obs, 'spf', 'fabrikam.test');
    assert.equal(spf.outcome, 'ok');
    assert.deepEqual(spf.findings, ['spf.eop-include-missing']);
    assert.deepEqual(spf.endpointKinds, ['spf-missing-include']);
  });

  it('own server as MX; two SPF records are reported as such', async () => {
    const obs = await run({ domain: 'tailspin.test' });
    assert.deepEqual(one(obs, 'mx', 'tailspin.test').findings, ['mx.own-server']);
    const spf = one(obs, 'spf', 'tailspin.test');
    assert.equal(spf.values.length, 2);
    assert.deepEqual(spf.findings, ['spf.multiple-records', 'spf.eop-include-missing']);
  });

  it('KB 2827473 typo smart host: NXDOMAIN, classified kb-typo', async () => {
    const obs = await run({ domain: 'contoso.com', smartHosts: ['contoso-com.mail.protection.com'] });
    const sh = one(obs, 'smart-host', 'contoso-com.mail.protection.com');
    assert.equal(sh.outcome, 'nxdomain');
    assert.deepEqual(sh.values, []);
    assert.deepEqual(sh.endpointKinds, ['kb-typo']);
    assert.equal(sh.findings, undefined);
  });

  it('a domain without MX or SPF: no-data, not a failure', async () => {
    const obs = await run({ domain: 'nomx.test' });
    assert.equal(one(obs, 'mx', 'nomx.test').outcome, 'no-data');
    const spf = one(obs, 'spf', 'nomx.test');
    assert.equal(spf.outcome, 'no-data');
    assert.deepEqual(spf.findings, ['spf.no-record']);
    const missing = await run({ domain: 'does-not-exist.test' });
    assert.equal(one(missing, 'mx', 'does-not-exist.test').outcome, 'nxdomain');
    assert.equal(one(missing, 'spf', 'does-not-exist.test').outcome, 'nxdomain');
  });

  it('SERVFAIL gives could-not-check, never nxdomain or no-data', async () => {
    const obs = await run({ domain: 'broken.test', smartHosts: ['broken.test'] });
    assert.equal(obs.length, 3);
    for (const o of obs) {
      assert.equal(o.outcome, 'could-not-check', `${o.check} ${o.subject}`);
      assert.equal(o.failure, 'servfail');
      assert.equal(o.findings, undefined);
    }
  });

  it('a smart host with only AAAA, or only MX, still resolves', async () => {
    const obs = await run({ smartHosts: ['v6.relay.test', 'mxonly.relay.test'] });
    const v6 = one(obs, 'smart-host', 'v6.relay.test');
    assert.equal(v6.outcome, 'ok');
    assert.deepEqual(v6.values, ['2001:db8::25']);
    const mxOnly = one(obs, 'smart-host', 'mxonly.relay.test');
    assert.equal(mxOnly.outcome, 'ok');
    assert.deepEqual(mxOnly.values, ['mail.relay.test']);
    assert.deepEqual(mxOnly.findings, ['smart-host.mx-only']);
  });

  it('remote hosts from NDRs are checked once, IP literals never; the connector origin wins', async () => {
    const before = server.queries.length;
    const obs = await run({
      domain: 'contoso.com',
      smartHosts: ['[192.0.2.99]', 'CONTOSO-COM.MAIL.PROTECTION.OUTLOOK.COM.'],
      remoteHosts: ['contoso-com.mail.protection.outlook.com', 'eu-smtp-inbound-1.filter.example', '192.0.2.98'],
    });
    const hosts = obs.filter((o) => o.check === 'smart-host');
    assert.deepEqual(
      hosts.map((h) => [h.subject, h.origin]),
      [
        ['contoso-com.mail.protection.outlook.com', 'send-connector'],
        ['eu-smtp-inbound-1.filter.example', 'ndr-remote-server'],
      ],
    );
    const asked = server.queries.slice(before).map((q) => q.name);
    assert.ok(!asked.some((n) => n.startsWith('192.0.2')), 'IP literals are not looked up');
  });

  it('without a domain only hosts are checked; with nothing to check nothing is asked', async () => {
    const obs = await run({ smartHosts: ['contoso-com.mail.protection.outlook.com'] });
    assert.deepEqual(
      obs.map((o) => o.check),
      ['smart-host'],
    );
    // No MX to compare with: no tenant finding either way.
    assert.equal(obs[0].findings, undefined);
    const before = server.queries.length;
    assert.deepEqual(await run({ domain: 'not a domain', smartHosts: [] }), []);
    assert.equal(server.queries.length, before);
  });
});
