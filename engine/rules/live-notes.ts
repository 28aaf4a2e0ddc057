import { listing } from '../knowledge/cmdlets';
import { classifyHost, isTenantEndpoint } from '../knowledge/endpoints';
import type { DiagnosisContext } from './context';
import { ndrWords } from './ndr-words';
import { hostAnsweredInPaste } from './smart-host-rules';
import { describeVantage } from './vantage-words';

// Live DNS results that are warnings rather than relay causes.

export function liveNotes(ctx: DiagnosisContext, timeZone?: string): string[] {
  const notes: string[] = [];
  for (const o of ctx.facts.live) {
    const where = `(a DNS lookup ${describeVantage(o.vantage, o.observedAt, timeZone)})`;
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
        notes.push(
          `The MX of ${o.subject} is not an EOP endpoint (${o.values.join(', ')}: ${[...new Set(kinds)].join(', ')}) ${where}. ` +
            'Find the tenant endpoint in the Microsoft 365 admin center under Settings > Domains > your domain > DNS records (MX "Points to address"); do not guess it from the domain name.',
        );
      }
    }
    if (o.check === 'mx' && o.outcome === 'nxdomain') {
      // The admin's own domain exists (they send mail from it): the resolver, not the domain, is the doubt.
      notes.push(
        `Could not verify the MX of ${o.subject} from here (the resolver said the name does not exist) ${where}. Check it from your network: Resolve-DnsName -Name ${o.subject} -Type MX.`,
      );
    }
    if (o.check === 'mx' && o.outcome === 'no-data') {
      notes.push(
        `The resolver found no MX record for ${o.subject} ${where}. Check it from your network: Resolve-DnsName -Name ${o.subject} -Type MX.`,
      );
    }
    if (o.check === 'smart-host' && o.outcome === 'nxdomain') {
      const answered = hostAnsweredInPaste(ctx, o.subject);
      notes.push(
        answered
          ? `Could not verify ${o.subject} from here (the resolver said the name does not exist) ${where}, but ${ndrWords(ctx.primaryNdr)} shows a server answering at that name, so your server does reach it.`
          : `The resolver said ${o.subject} does not exist ${where}. Check it from your Exchange server: Resolve-DnsName -Name ${o.subject}.`,
      );
    }
    if (o.check === 'spf' && o.findings?.includes('spf.eop-include-missing')) {
      notes.push(
        `The SPF record of ${o.subject} does not include Microsoft's SPF ${where}. Mail that leaves through EOP may fail SPF at the recipient: add include:spf.protection.outlook.com (GCC High: spf.protection.office365.us; 21Vianet: spf.protection.partner.outlook.cn). This is a warning, not the relay cause.`,
      );
    }
    if (o.check === 'spf' && o.findings?.includes('spf.cloud-mismatch')) {
      notes.push(
        `The SPF record of ${o.subject} includes another Microsoft cloud's SPF than its MX points to ${where}.`,
      );
    }
    if (o.check === 'spf' && o.outcome === 'nxdomain') {
      notes.push(
        `Could not verify the SPF record of ${o.subject} from here (the resolver said the name does not exist) ${where}.`,
      );
    } else if (o.check === 'spf' && (o.outcome === 'no-data' || o.findings?.includes('spf.no-record'))) {
      notes.push(`${o.subject} publishes no SPF record ${where}.`);
    }
  }
  const truncated = [...ctx.facts.sendConnectors, ...ctx.facts.inboundConnectors, ...ctx.facts.certificates]
    .filter((c) => (c.truncated ?? []).length > 0)
    .map((c) => ({ truncated: c.truncated ?? [] }));
  if (ctx.facts.acceptedDomains.some((d) => d.truncated)) {
    notes.push(`Some accepted domain names were cut off in the table. Paste ${listing('accepted-domains')} instead.`);
  }
  if (truncated.length) {
    notes.push(
      `Some values were cut off by $FormatEnumerationLimit (${[...new Set(truncated.flatMap((c) => c.truncated))].join(', ')}). Run $FormatEnumerationLimit = -1 first and paste the output again.`,
    );
  }
  return notes;
}
