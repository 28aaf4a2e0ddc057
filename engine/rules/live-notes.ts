import { classifyHost, isTenantEndpoint } from '../knowledge/endpoints';
import type { DiagnosisContext } from './context';

// Live DNS results that are warnings rather than relay causes.

export function liveNotes(ctx: DiagnosisContext): string[] {
  const notes: string[] = [];
  for (const o of ctx.facts.live) {
    const where = `(live DNS from ${o.vantage} at ${o.observedAt})`;
    if (o.outcome === 'could-not-check') {
      notes.push(`Could not check ${o.check} for ${o.subject} ${where}${o.detail ? `: ${o.detail}` : ''}.`);
      continue;
    }
    if (o.check === 'mx' && o.outcome === 'ok') {
      const eop = o.values.filter((v) => isTenantEndpoint(v));
      if (eop.length) {
        notes.push(`The MX of ${o.subject} is the EOP endpoint ${eop[0]} ${where}: use it as the smart host.`);
      } else {
        const kinds = o.values.map((v) => classifyHost(v).description);
        notes.push(`The MX of ${o.subject} is not an EOP endpoint (${o.values.join(', ')}: ${[...new Set(kinds)].join(', ')}) ${where}. ` +
          'Find the tenant endpoint in the Microsoft 365 admin center under Settings > Domains > your domain > DNS records (MX "Points to address"); do not guess it from the domain name.');
      }
    }
    if (o.check === 'mx' && (o.outcome === 'nxdomain' || o.outcome === 'no-data')) {
      notes.push(`${o.subject} has no MX record ${where}.`);
    }
    if (o.check === 'spf' && o.findings?.includes('spf.eop-include-missing')) {
      notes.push(`The SPF record of ${o.subject} does not include Microsoft's SPF ${where}. Mail that leaves through EOP may fail SPF at the recipient: add include:spf.protection.outlook.com (GCC High: spf.protection.office365.us; 21Vianet: spf.protection.partner.outlook.cn). This is a warning, not the relay cause.`);
    }
    if (o.check === 'spf' && o.findings?.includes('spf.cloud-mismatch')) {
      notes.push(`The SPF record of ${o.subject} includes another Microsoft cloud's SPF than its MX points to ${where}.`);
    }
    if (o.check === 'spf' && (o.outcome === 'no-data' || o.outcome === 'nxdomain' || o.findings?.includes('spf.no-record'))) {
      notes.push(`${o.subject} publishes no SPF record ${where}.`);
    }
  }
  const truncated = [...ctx.facts.sendConnectors, ...ctx.facts.inboundConnectors, ...ctx.facts.certificates]
    .filter((c) => (c.truncated ?? []).length > 0)
    .map((c) => ({ truncated: c.truncated ?? [] }));
  if (ctx.facts.acceptedDomains.some((d) => d.truncated)) {
    notes.push('Some accepted domain names were cut off in the table. Paste Get-AcceptedDomain | Format-List DomainName,DomainType,Default instead.');
  }
  if (truncated.length) {
    notes.push(`Some values were cut off by $FormatEnumerationLimit (${[...new Set(truncated.flatMap((c) => c.truncated))].join(', ')}). Run $FormatEnumerationLimit = -1 first and paste the output again.`);
  }
  return notes;
}
