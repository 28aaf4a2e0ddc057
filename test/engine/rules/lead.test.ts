import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  buildFacts,
  type CauseId,
  diagnose,
  type Facts,
  mergeFacts,
  type Status,
  type Verdict,
} from '../../../engine/index';
import { liveRequestFromFacts, NodeDnsPort, runLiveChecks } from '../../../engine/live/index';
import { startDnsServer, type TestDnsServer, type Zone } from '../../support/dns-server';
import { facts, inboundConnector, live, ndr, sendConnector } from '../../support/facts-builders';
import { repoRoot } from '../../support/paths';

// Issue 11 parts 3 and 4: the verdict leads with the answer in the admin's terms, evidence is labelled in
// words, commands name their shell, answers rule out what they make not applicable, "not sure" leaves a
// cause open, and live DNS never confirms against a pasted reply from the very host.

const status = (v: Verdict, id: CauseId): Status | undefined => v.causes.find((c) => c.id === id)?.status;
const fabrikam = (name: string) =>
  readFileSync(join(repoRoot, 'test', 'fixtures', name), 'utf8').replace(/contoso/g, 'fabrikam');
const RAW_SOURCE =
  /^(ndr|dns \(|answer:|certificates?$|protocol log$|accepted domains$|send connector "|inbound connector ")/i;

async function withLive(f: Facts, zone: Zone): Promise<{ verdict: Verdict; dns: TestDnsServer }> {
  const dns = await startDnsServer({ zone });
  try {
    const obs = await runLiveChecks(liveRequestFromFacts(f), new NodeDnsPort({ servers: [dns.address] }), {
      vantage: 'relay-doctor on test-host',
    });
    return { verdict: diagnose(mergeFacts(f, { live: obs }), { timeZone: 'Europe/Berlin' }), dns };
  } finally {
    await dns.close();
  }
}

describe('verdict: live DNS is stated honestly (real DNS server on 127.0.0.1)', () => {
  const pasted = () =>
    buildFacts([fabrikam('ndr/queue-lasterror.txt'), fabrikam('powershell/send-eop-healthy.txt')], {
      domain: 'fabrikam.com',
    });

  it('a resolver answering NXDOMAIN for everything never confirms the smart host wrong when the queue error shows EOP answering there', async () => {
    const { verdict, dns } = await withLive(pasted(), {});
    assert.ok(dns.queries.length > 0, 'the live checks really asked the DNS server');
    assert.notEqual(status(verdict, 'send-connector.wrong-smart-host'), 'confirmed');
    assert.notEqual(status(verdict, 'send-connector.wrong-smart-host'), 'likely');
    const host = verdict.notes.find((n) => n.includes('fabrikam-com.mail.protection.outlook.com'));
    assert.ok(host && /could not verify/i.test(host), String(host));
    const mx = verdict.notes.find((n) => n.includes('MX of fabrikam.com'));
    assert.ok(mx && /could not verify/i.test(mx) && !/has no MX/i.test(mx), String(mx));
    assert.ok(/not from your network/.test(mx) && /CET|GMT\+1/.test(mx), 'vantage in words with the local time');
    assert.ok(
      verdict.read?.[0].startsWith(
        'A queue error: EOP answered 550 5.7.64 at fabrikam-com.mail.protection.outlook.com',
      ),
      verdict.read?.[0],
    );
  });

  it('NXDOMAIN for a smart host that nothing pasted shows answering, from a resolver that knows the domain, still confirms', async () => {
    const f = buildFacts(
      [fabrikam('powershell/send-eop-healthy.txt').replace(/fabrikam-com\.mail/g, 'fabrikam-co.mail')],
      { domain: 'fabrikam.com' },
    );
    const { verdict } = await withLive(f, {
      'fabrikam.com': { MX: [{ exchange: 'fabrikam-com.mail.protection.outlook.com', priority: 0 }] },
    });
    assert.equal(status(verdict, 'send-connector.wrong-smart-host'), 'confirmed');
  });

  it("the same NXDOMAIN from a resolver that does not know the admin's own domain is only possible", async () => {
    const f = buildFacts(
      [fabrikam('powershell/send-eop-healthy.txt').replace(/fabrikam-com\.mail/g, 'fabrikam-co.mail')],
      { domain: 'fabrikam.com' },
    );
    const { verdict } = await withLive(f, {});
    assert.equal(status(verdict, 'send-connector.wrong-smart-host'), 'possible');
  });
});

describe("verdict: the lead says what is wrong in the admin's terms", () => {
  const mismatch = () =>
    facts({
      ndrs: [
        ndr({
          layout: 'queue-lasterror',
          remoteServer: 'fabrikam-com.mail.protection.outlook.com',
          senderDomain: 'fabrikam.com',
        }),
      ],
      sendConnectors: [
        sendConnector({
          tlsCertificateName:
            '<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=smtp.fabrikam.com',
          smartHosts: ['fabrikam-com.mail.protection.outlook.com'],
        }),
      ],
      answers: {
        'case2.inbound-connector': 'onpremises-enabled',
        'case2.auth-method': 'certificate',
        'case2.connector-certificate-name': 'mail.fabrikam.com',
      },
      domain: 'fabrikam.com',
    });

  it('certificate mismatch from answers: both names in the first line, one first step with its shell', () => {
    const v = diagnose(mismatch());
    assert.equal(v.causes[0].id, 'inbound-connector.certificate-mismatch');
    assert.equal(v.lead?.certainty, 'likely');
    assert.match(v.lead!.answer, /expects mail\.fabrikam\.com, but your server presents smtp\.fabrikam\.com/);
    assert.match(v.lead!.first!.powershell!, /^Set-InboundConnector .*-WhatIf$/);
    assert.equal(v.lead!.first!.shell, 'exchange-online');
  });

  it("fix commands carry the admin's names, or a step gives the command that finds the missing one; every step has a command or a click path", () => {
    const v = diagnose(mismatch());
    const fix = v.causes[0].fix;
    const lookup = fix.steps.findIndex((s) => /Find the name of the inbound connector/.test(s.text));
    assert.ok(lookup >= 0 && fix.steps[lookup].powershell?.startsWith('Get-InboundConnector'));
    assert.ok(fix.steps.some((s) => /-TlsSenderCertificateName '\*\.fabrikam\.com'/.test(s.powershell ?? '')));
    const alt = fix.steps.find((s) => /present a certificate that carries mail\.fabrikam\.com/.test(s.text));
    assert.ok(alt?.powershell?.includes("-contains 'mail.fabrikam.com'"), alt?.powershell);
    assert.ok(alt?.powershell?.includes("Set-SendConnector -Identity 'Internet'"));
    assert.ok(fix.adminCenterPath.length > 0, 'a click path too');
  });

  it('"by certificate" rules out the IP cause; "by IP" rules out the certificate cause', () => {
    assert.equal(status(diagnose(mismatch()), 'inbound-connector.ip-not-listed'), 'ruled-out');
    const ip = mismatch();
    ip.answers = { 'case2.inbound-connector': 'onpremises-enabled', 'case2.auth-method': 'ip' };
    assert.equal(status(diagnose(ip), 'inbound-connector.certificate-mismatch'), 'ruled-out');
  });

  it('pasted certificate-only connectors rule out the IP cause', () => {
    const f = facts({
      ndrs: [ndr()],
      inboundConnectors: [inboundConnector({ tlsSenderCertificateName: 'mail.contoso.com', senderIPAddresses: [] })],
    });
    assert.equal(status(diagnose(f), 'inbound-connector.ip-not-listed'), 'ruled-out');
  });

  it('evidence is labelled in words, never with a raw source id', () => {
    const v = diagnose(mismatch());
    const all = v.causes.flatMap((c) => c.evidence);
    assert.ok(all.length > 0);
    for (const e of all) {
      assert.ok(e.label, `no label for ${e.source}`);
      assert.doesNotMatch(e.label!, RAW_SOURCE, e.label);
      assert.doesNotMatch(e.label!, /case[12]\.|answer: /);
    }
    assert.ok(all.some((e) => e.label === 'the queue error'));
    assert.ok(all.some((e) => /^your answer to "How does that connector recognize your server\?"$/.test(e.label!)));
  });

  it('every command names its shell: cloud cmdlets Exchange Online, server cmdlets the Exchange Management Shell', () => {
    const v = diagnose(mismatch());
    const steps = v.causes.flatMap((c) => [...c.fix.steps, ...c.fix.verify]).filter((s) => s.powershell);
    assert.ok(steps.length > 5);
    for (const s of steps) {
      const p = s.powershell!;
      if (/-(InboundConnector|AcceptedDomain)\b|MessageTraceV2/.test(p)) assert.equal(s.shell, 'exchange-online', p);
      else if (/-(SendConnector|ExchangeCertificate|Queue)\b|MessageTrackingLog|TransportService/.test(p))
        assert.equal(s.shell, 'exchange-management-shell', p);
      else if (/Resolve-DnsName/.test(p)) assert.equal(s.shell, 'windows', p);
    }
  });

  it('a short "not checked" list, each with a command and its shell', () => {
    const v = diagnose(mismatch());
    const topics = (v.notChecked ?? []).map((n) => n.topic);
    assert.ok(topics.some((t) => /certificate chain/.test(t)));
    assert.ok(topics.some((t) => /accepted domains/.test(t)));
    assert.ok(topics.some((t) => /live DNS/.test(t)));
    assert.ok(topics.length <= 6);
    for (const n of v.notChecked ?? []) assert.ok(n.check?.powershell && n.check.shell, n.topic);
  });

  it('"not sure" leaves the causes it decides open, with the command that settles it', () => {
    const f = facts({ ndrs: [ndr()], answers: { 'case2.inbound-connector': 'not-sure' } });
    const v = diagnose(f);
    for (const id of [
      'inbound-connector.missing',
      'inbound-connector.disabled',
      'inbound-connector.wrong-type',
    ] as CauseId[]) {
      assert.equal(status(v, id), 'possible', id);
    }
    const item = v.notChecked?.find((n) => /you answered not sure/.test(n.topic));
    assert.ok(item?.check?.powershell?.startsWith('Get-InboundConnector'));
    assert.equal(item?.check?.shell, 'exchange-online');
  });
});

describe('verdict: a domain on its own is a health check of both sides', () => {
  it('says what looks right, what could not be verified and what to paste next; nothing ruled out without evidence', () => {
    const f = mergeFacts(buildFacts(['fabrikam.com']), {
      live: [
        live({
          check: 'mx',
          subject: 'fabrikam.com',
          values: ['fabrikam-com.mail.protection.outlook.com'],
          findings: ['mx.eop'],
        }),
        live({ check: 'spf', subject: 'fabrikam.com', outcome: 'nxdomain' }),
      ],
    });
    const v = diagnose(f);
    assert.equal(v.family, 'not-an-ndr');
    assert.equal(v.causes.filter((c) => c.status === 'ruled-out').length, 0);
    assert.ok(v.lead, 'a lead even without causes');
    assert.ok(v.lead!.looksRight!.some((l) => l.includes('fabrikam-com.mail.protection.outlook.com')));
    assert.ok(
      v.lead!.unverified!.some((u) =>
        /SPF of fabrikam\.com: could not verify from here \(the resolver said the name does not exist/.test(u),
      ),
    );
    assert.ok(v.lead!.unverified!.some((u) => /Send connector/.test(u)));
    assert.ok(v.lead!.first?.powershell, 'the next thing to run');
    assert.ok(v.lead!.first?.shell);
  });
});
