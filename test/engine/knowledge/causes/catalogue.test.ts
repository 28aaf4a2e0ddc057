import assert from 'node:assert/strict';

import fc from 'fast-check';

import { CAUSE_CATALOGUE, causeEntry } from '../../../../engine/knowledge/causes/catalogue';
import { evidenceCommands } from '../../../../engine/knowledge/causes/evidence-commands';
import type { FixContext } from '../../../../engine/knowledge/causes/fix-context';
import { PLACEHOLDER_PATTERN, psQuote } from '../../../../engine/knowledge/causes/ps-quote';
import { type Fix, FixSchema, type FixStep } from '../../../../engine/verdict';
import { caseOf, CASES, CAUSE_IDS, type CauseId } from '../../../../engine/vocabulary';

// The cause catalogue: complete, sourced, filled with the admin's values, safe with hostile values.

/** Distinct values per field, so a value found in a command can only have come from its own field. */
const FULL: Required<FixContext> = {
  sendConnectorName: 'Internet',
  inboundConnectorName: 'From on-premises',
  domain: 'contoso.com',
  tenantEndpoint: 'contoso-com.mail.protection.outlook.com',
  currentSmartHost: 'contoso-com.mail.protection.com',
  certificateThumbprint: '5113AE0233A72FCCB75B1D0198628675333D010E',
  certificateSubject: 'CN=smtp.certs.contoso.net, O=Contoso, C=US',
  certificateName: 'smtp.certs.contoso.net',
  certificateDomain: 'certs.contoso.net',
  fqdn: 'mail.contoso.com',
  onPremIp: '203.0.113.10',
  senderDomain: 'sales.fabrikam.com',
  gccHigh: false,
  relayClientIp: '192.0.2.25',
  recipientAddress: 'someone@contoso.com',
  expectedCertificateName: 'relay.expected.contoso.org',
};

const fixOf = (id: CauseId, ctx: FixContext): Fix => causeEntry(id).fix(ctx);
const allSteps = (fix: Fix): FixStep[] => [...fix.steps, ...fix.verify];
const shells = (fix: Fix): string[] => allSteps(fix).flatMap((s) => (s.powershell === undefined ? [] : [s.powershell]));
const placeholders = (ps: string): string[] => ps.match(/<[a-z][^<>\n]*>/g) ?? [];

// Cmdlets that change configuration and document -WhatIf (Exchange PowerShell reference).
const CHANGING =
  /\b(Set-SendConnector|New-SendConnector|Set-InboundConnector|New-InboundConnector|Enable-ExchangeCertificate|New-ReceiveConnector|Set-ReceiveConnector|Add-ADPermission|Set-AcceptedDomain|Set-HostedConnectionFilterPolicy)\b/;

/**
 * Reads one PowerShell single-quoted literal at the start of `s` the way PowerShell's tokenizer does:
 * any of ' ‘ ’ ‚ ‛ is a quote, and two in a row are one literal quote (the second one).
 */
const QUOTE = /['\u2018\u2019\u201A\u201B]/;
function readSingleQuoted(s: string): { value: string; rest: string } {
  assert.ok(QUOTE.test(s[0] ?? ''), `not a single-quoted literal: ${s}`);
  let value = '';
  for (let i = 1; i < s.length; i++) {
    if (QUOTE.test(s[i])) {
      if (i + 1 < s.length && QUOTE.test(s[i + 1])) {
        value += s[i + 1];
        i++;
        continue;
      }
      return { value, rest: s.slice(i + 1) };
    }
    value += s[i];
  }
  throw new Error(`unterminated literal: ${s}`);
}

/** The command text outside single-quoted literals: what PowerShell would execute or expand. */
function outsideLiterals(ps: string): string {
  let out = '';
  let rest = ps;
  while (rest.length > 0) {
    if (QUOTE.test(rest[0])) rest = readSingleQuoted(rest).rest;
    else {
      out += rest[0];
      rest = rest.slice(1);
    }
  }
  return out;
}

describe('cause catalogue', () => {
  describe('completeness', () => {
    it('has exactly one entry per vocabulary cause, with its id and case', () => {
      assert.deepEqual(Object.keys(CAUSE_CATALOGUE).sort(), [...CAUSE_IDS].sort());
      for (const id of CAUSE_IDS) {
        const entry = causeEntry(id);
        assert.equal(entry.id, id);
        assert.equal(entry.case, caseOf(id), id);
        assert.ok(entry.title.length > 10 && entry.explanation.length > 40, id);
      }
    });

    it('refuses an unknown id', () => {
      assert.throws(() => causeEntry('no.such-cause' as CauseId));
    });

    it('every entry cites https sources, and every fix has steps, verification and docs', () => {
      for (const id of CAUSE_IDS) {
        const entry = causeEntry(id);
        assert.ok(entry.sources.length >= 1, id);
        for (const s of entry.sources) assert.match(s.url, /^https:\/\/\S+$/, id);
        for (const ctx of [{}, FULL]) {
          const fix = FixSchema.parse(entry.fix(ctx));
          assert.ok(fix.steps.length >= 1, `${id}: steps`);
          assert.ok(fix.verify.length >= 1, `${id}: verify`);
          assert.ok(fix.adminCenterPath.length >= 1, `${id}: adminCenterPath`);
          assert.ok(fix.docs.length >= 1, `${id}: docs`);
          for (const d of fix.docs) assert.match(d.url, /^https:\/\//, id);
        }
      }
    });
  });

  describe('placeholders', () => {
    it('with a full context, no <placeholder> remains in any PowerShell', () => {
      for (const id of CAUSE_IDS) {
        for (const ps of shells(fixOf(id, FULL))) assert.deepEqual(placeholders(ps), [], `${id}: ${ps}`);
      }
    });

    it('with an empty context, every entry shows placeholders where values are unknown', () => {
      for (const id of CAUSE_IDS) {
        const found = shells(fixOf(id, {})).flatMap(placeholders);
        assert.ok(found.length > 0, id);
        // The exported pattern (used by other modules) recognizes the same placeholders.
        for (const p of found) assert.match(p, new RegExp(`^${PLACEHOLDER_PATTERN.source}$`), id);
      }
    });

    it('never synthesizes the tenant MX from the domain; says where to read it instead', () => {
      const ctx: FixContext = { domain: 'contoso.com', sendConnectorName: 'Internet' };
      for (const id of [
        'send-connector.no-smart-host',
        'send-connector.wrong-smart-host',
        'send-connector.legacy-endpoint',
        'send-connector.ip-smart-host',
        'send-connector.no-internet-address-space',
      ] as CauseId[]) {
        const fix = fixOf(id, ctx);
        const text = JSON.stringify(fix);
        assert.doesNotMatch(text, /contoso-com/, id);
        assert.doesNotMatch(text, /\.mail\.protection\.outlook\.com'/, id);
        assert.ok(
          shells(fix).some((ps) => ps.includes("-SmartHosts '<tenant mx endpoint>'")),
          id,
        );
        assert.ok(
          shells(fix).some((ps) => ps.includes("Resolve-DnsName -Name 'contoso.com' -Type MX")),
          id,
        );
        assert.ok(
          fix.steps.some((s) => s.text.includes('Settings → Domains')),
          id,
        );
      }
    });

    it('treats a tenantEndpoint that is not an EOP endpoint as unknown', () => {
      const fix = fixOf('send-connector.wrong-smart-host', { ...FULL, tenantEndpoint: 'mail.contoso.com' });
      assert.ok(shells(fix).some((ps) => ps.includes("-SmartHosts '<tenant mx endpoint>'")));
      assert.ok(!shells(fix).some((ps) => ps.includes("'mail.contoso.com'") && ps.includes('-SmartHosts')));
    });

    it('names the GCC High endpoint format when the tenant is GCC High', () => {
      const fix = fixOf('send-connector.no-smart-host', { gccHigh: true });
      assert.ok(fix.steps.some((s) => s.text.includes('mail.protection.office365.us')));
      assert.ok(!fixOf('send-connector.no-smart-host', {}).steps.some((s) => s.text.includes('office365.us')));
    });
  });

  describe('-WhatIf before changes', () => {
    const check = (id: CauseId, fix: Fix): number => {
      let changes = 0;
      const seen: string[] = [];
      for (const s of allSteps(fix)) {
        for (const line of (s.powershell ?? '').split('\n')) {
          if (CHANGING.test(line) && !/-WhatIf\b/.test(line)) {
            changes++;
            assert.ok(seen.includes(`${line} -WhatIf`), `${id}: no -WhatIf preview before: ${line}`);
          }
          seen.push(line);
        }
      }
      return changes;
    };

    it('precedes every changing command with the same command and -WhatIf', () => {
      let withChanges = 0;
      for (const id of CAUSE_IDS) {
        const n = check(id, fixOf(id, FULL)) + check(id, fixOf(id, {}));
        if (n > 0) withChanges++;
      }
      // Not vacuous: most fixes change configuration.
      assert.ok(withChanges >= 18, `only ${withChanges} entries change anything`);
    });

    it('the preview step comes right before its apply step and is marked as such', () => {
      const steps = fixOf('inbound-connector.disabled', FULL).steps;
      const apply = steps.findIndex(
        (s) => s.powershell === "Set-InboundConnector -Identity 'From on-premises' -Enabled $true",
      );
      assert.ok(apply > 0);
      assert.equal(
        steps[apply - 1].powershell,
        "Set-InboundConnector -Identity 'From on-premises' -Enabled $true -WhatIf",
      );
    });
  });

  describe('values from the context', () => {
    const all = CAUSE_IDS.flatMap((id) => shells(fixOf(id, FULL))).join('\n');

    it('every context value reaches some command, quoted', () => {
      const expected = [
        `'${FULL.sendConnectorName}'`,
        `'${FULL.inboundConnectorName}'`,
        `'${FULL.domain}'`,
        `'${FULL.tenantEndpoint}'`,
        `'${FULL.currentSmartHost}'`,
        `'${FULL.certificateThumbprint}'`,
        `'*.${FULL.certificateDomain}'`,
        `'${FULL.fqdn}'`,
        `'${FULL.onPremIp}'`,
        `'${FULL.senderDomain}'`,
        `'${FULL.relayClientIp}'`,
        `'${FULL.recipientAddress}'`,
      ];
      for (const v of expected) assert.ok(all.includes(v), `missing ${v}`);
    });

    it('routes the named Send connector to the tenant endpoint and resubmits the old smart host queue', () => {
      const ps = shells(fixOf('send-connector.wrong-smart-host', FULL));
      assert.ok(
        ps.includes(
          "Set-SendConnector -Identity 'Internet' -DNSRoutingEnabled $false -SmartHosts 'contoso-com.mail.protection.outlook.com'",
        ),
      );
      assert.ok(
        ps.some(
          (p) =>
            p.includes("$_.NextHopDomain -eq 'contoso-com.mail.protection.com'") &&
            p.includes('Retry-Queue -Resubmit $true'),
        ),
      );
    });

    it('client-submission fix drops smart host authentication and uses port 25', () => {
      const ps = shells(fixOf('send-connector.client-submission-endpoint', FULL)).join('\n');
      assert.match(
        ps,
        /-SmartHosts 'contoso-com\.mail\.protection\.outlook\.com' -Port 25 -SmartHostAuthMechanism None/,
      );
    });

    it('selects the certificate by thumbprint, else by subject', () => {
      const byThumb = shells(fixOf('send-connector.certificate-not-set', FULL)).join('\n');
      assert.ok(byThumb.includes("Get-ExchangeCertificate -Thumbprint '5113AE0233A72FCCB75B1D0198628675333D010E'"));
      assert.ok(byThumb.includes('-TlsCertificateName "<I>$($c.Issuer)<S>$($c.Subject)"'));
      const bySubject = shells(
        fixOf('send-connector.certificate-not-set', { ...FULL, certificateThumbprint: undefined }),
      ).join('\n');
      assert.ok(bySubject.includes("$_.Subject -eq 'CN=smtp.certs.contoso.net, O=Contoso, C=US'"));
      assert.deepEqual(placeholders(bySubject), []);
    });

    it('inbound connector certificate name: *.certificateDomain, else the certificate name', () => {
      const withDomain = shells(fixOf('inbound-connector.certificate-mismatch', FULL)).join('\n');
      assert.ok(
        withDomain.includes(
          "Set-InboundConnector -Identity 'From on-premises' -RequireTls $true -TlsSenderCertificateName '*.certs.contoso.net'",
        ),
      );
      const withName = shells(
        fixOf('inbound-connector.certificate-mismatch', { ...FULL, certificateDomain: undefined }),
      ).join('\n');
      assert.ok(withName.includes("-TlsSenderCertificateName 'smtp.certs.contoso.net'"));
    });

    it('adds the public IP to the inbound connector and enables the certificate for SMTP', () => {
      assert.ok(
        shells(fixOf('inbound-connector.ip-not-listed', FULL)).includes(
          "Set-InboundConnector -Identity 'From on-premises' -SenderIPAddresses @{Add='203.0.113.10'}",
        ),
      );
      assert.ok(
        shells(fixOf('certificate.no-private-key', FULL)).includes(
          "Enable-ExchangeCertificate -Thumbprint '5113AE0233A72FCCB75B1D0198628675333D010E' -Services SMTP",
        ),
      );
    });

    it('the accepted-domain fix checks the certificate domain, else the sender domain', () => {
      assert.match(shells(fixOf('accepted-domain.not-accepted', FULL))[0], /\$d = 'certs\.contoso\.net';/);
      assert.match(
        shells(fixOf('accepted-domain.not-accepted', { ...FULL, certificateDomain: undefined }))[0],
        /\$d = 'sales\.fabrikam\.com';/,
      );
    });

    it('the DBEB fix targets the recipient and its domain', () => {
      const ps = shells(fixOf('eop.recipient-not-found', FULL)).join('\n');
      assert.ok(ps.includes("Get-Recipient -Identity 'someone@contoso.com'"));
      assert.ok(ps.includes("Set-AcceptedDomain -Identity 'contoso.com' -DomainType InternalRelay"));
    });
  });

  describe('psQuote', () => {
    const HOSTILE = [
      "O'Brien",
      "'; Remove-Item C:\\ -Recurse; '",
      '$(Invoke-Evil)',
      '${env:PATH}',
      '$env:USERNAME',
      '`$(Invoke-Evil)',
      "`'",
      '"; Invoke-Evil; "',
      'x\nInvoke-Evil',
      'x\r\nInvoke-Evil',
      '\u2018smart\u2019 quotes\u201A\u201B',
      'a\u2019; Invoke-Evil; \u2018',
      '@(1,2)',
      '<I>x<S>y',
      '',
      'x\u2028Invoke-Evil',
      'x\u0000y',
    ];

    it('round-trips hostile values as one literal that expands nothing', () => {
      for (const v of HOSTILE) {
        const q = psQuote(v);
        const { value, rest } = readSingleQuoted(q);
        assert.equal(rest, '', `literal ends early: ${q}`);
        assert.equal(value, v.replace(/[\u0000-\u001F\u007F\u0085\u2028\u2029]+/g, ' '), q);
        assert.doesNotMatch(q, /[\r\n\u2028\u2029]/, q);
      }
    });

    it('round-trips any string (property)', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (v) => {
          const { value, rest } = readSingleQuoted(psQuote(v));
          return rest === '' && value === v.replace(/[\u0000-\u001F\u007F\u0085\u2028\u2029]+/g, ' ');
        }),
        { numRuns: 500 },
      );
    });

    it('hostile context values never reach PowerShell outside a literal', () => {
      const evil = "x'; Invoke-Evil; 'y\n$(Invoke-Evil)`\u2019 Invoke-Evil";
      const ctx: FixContext = Object.fromEntries(
        Object.entries(FULL).map(([k, v]) => [k, typeof v === 'string' ? evil : v]),
      );
      for (const id of CAUSE_IDS) {
        for (const ps of shells(fixOf(id, ctx)))
          assert.doesNotMatch(outsideLiterals(ps), /Invoke-Evil/, `${id}: ${ps}`);
      }
      for (const kase of CASES) {
        for (const c of evidenceCommands(kase, ctx))
          assert.doesNotMatch(outsideLiterals(c.powershell), /Invoke-Evil/, c.id);
      }
    });
  });

  describe('evidence commands', () => {
    it('lists read-only commands for every case, with https sources', () => {
      for (const kase of CASES) {
        const cmds = evidenceCommands(kase);
        assert.ok(cmds.length >= 3, kase);
        assert.equal(new Set(cmds.map((c) => c.id)).size, cmds.length, kase);
        for (const c of cmds) {
          assert.doesNotMatch(c.powershell, CHANGING, c.id);
          assert.doesNotMatch(c.powershell, /\b(Set|New|Remove|Enable|Add|Retry)-\w+/, c.id);
          assert.match(c.source.url, /^https:\/\//, c.id);
        }
      }
    });

    it('case 1 reads the Send connectors with the enumeration limit lifted', () => {
      assert.ok(
        evidenceCommands('case1').some(
          (c) => c.powershell === '$FormatEnumerationLimit = -1; Get-SendConnector | Format-List',
        ),
      );
      assert.ok(evidenceCommands('case2').some((c) => c.powershell.startsWith('Get-InboundConnector')));
    });

    it('fills the domain and the Send connector name', () => {
      const cmds = evidenceCommands('case1', { domain: 'contoso.com', sendConnectorName: 'Internet' })
        .map((c) => c.powershell)
        .join('\n');
      assert.ok(cmds.includes("Resolve-DnsName -Name 'contoso.com' -Type MX"));
      assert.ok(cmds.includes("Get-SendConnector -Identity 'Internet'"));
      assert.ok(
        placeholders(
          evidenceCommands('case1')
            .map((c) => c.powershell)
            .join('\n'),
        ).includes('<your domain>'),
      );
    });
  });
});
