import type { Facts, NdrFacts } from '../facts';
import { classifyHost, isMicrosoftHost } from '../knowledge/endpoints';
import { FAMILY_TABLE } from '../knowledge/families';
import { classifyNdr } from '../recognize/ndr/classify-ndr';
import { coversInternet } from './context';
import { ndrWords } from './ndr-words';

// What was read from each paste, one sentence each, so the admin sees the bot understood it before the
// verdict: "A queue error: EOP answered 550 5.7.64 at fabrikam-com.mail.protection.outlook.com, so your
// routing to EOP works; checking the inbound side."

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function who(host: string | undefined): string {
  if (!host) return 'the server';
  const cls = classifyHost(host);
  if (cls.kind !== 'other' && isMicrosoftHost(host)) return 'EOP';
  return 'the server';
}

function ndrSentence(ndr: NdrFacts): string {
  const reply = [ndr.replyCode, ndr.enhancedStatus].filter(Boolean).join(' ');
  const what = capital(ndrWords(ndr).replace(/^the /, 'a '));
  const family = classifyNdr(ndr).family;
  const next = FAMILY_TABLE[family].next;
  const at = ndr.remoteServer ? ` at ${ndr.remoteServer}` : '';
  if (!reply) return `${what}${ndr.diagnostic ? `: "${ndr.diagnostic.slice(0, 160)}"` : ''}.`;
  const head =
    ndr.rejectedBy === 'generating' && ndr.generatingServer
      ? `${ndr.generatingServer} answered ${reply}`
      : `${who(ndr.remoteServer ?? ndr.replyHost)} answered ${reply}${at}`;
  return `${what}: ${head}${next ? `, ${next}` : ''}.`;
}

export function readingSummary(facts: Facts): string[] {
  const out: string[] = [];
  for (const ndr of facts.ndrs) out.push(ndrSentence(ndr));
  for (const sc of facts.sendConnectors) {
    const parts: string[] = [];
    if (sc.enabled === false) parts.push('disabled');
    if (!sc.addressSpaces.some(coversInternet)) parts.push('not for Internet mail (*)');
    if (sc.dnsRoutingEnabled === true || (sc.lines.SmartHosts !== undefined && sc.smartHosts.length === 0))
      parts.push('routes by DNS (MX)');
    else if (sc.smartHosts.length) parts.push(`smart host ${sc.smartHosts.join(', ')}`);
    if (sc.requireTls !== undefined) parts.push(`RequireTLS ${sc.requireTls ? 'on' : 'off'}`);
    if (sc.tlsCertificateName) parts.push('names its certificate');
    else if (sc.tlsCertificateName === '') parts.push('names no certificate');
    out.push(`Your Send connector "${sc.name}"${parts.length ? `: ${parts.join(', ')}` : ''}.`);
  }
  for (const ic of facts.inboundConnectors) {
    const parts: string[] = [];
    if (ic.connectorType) parts.push(`type ${ic.connectorType}`);
    if (ic.enabled !== undefined) parts.push(ic.enabled ? 'on' : 'off');
    if (ic.tlsSenderCertificateName) parts.push(`expects the certificate name ${ic.tlsSenderCertificateName}`);
    if (ic.senderIPAddresses.length) parts.push(`accepts ${ic.senderIPAddresses.join(', ')}`);
    out.push(`Your inbound connector "${ic.name}" (Exchange Online)${parts.length ? `: ${parts.join(', ')}` : ''}.`);
  }
  if (facts.acceptedDomains.length) {
    const names = facts.acceptedDomains.map((d) => d.domainName);
    out.push(
      `Your accepted domains: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ` and ${names.length - 8} more` : ''}.`,
    );
  }
  for (const c of facts.certificates) {
    const bits = [
      c.subject ? `subject ${c.subject}` : undefined,
      c.hasPrivateKey === false ? 'no private key' : undefined,
      c.services.length ? `services ${c.services.join(', ')}` : undefined,
    ].filter(Boolean);
    out.push(
      `A certificate on your server${c.thumbprint ? ` (${c.thumbprint.slice(0, 8)}…)` : ''}${bits.length ? `: ${bits.join(', ')}` : ''}.`,
    );
  }
  for (const log of facts.protocolLogs) {
    const names = [log.subject, ...log.alternateNames].filter(Boolean);
    const errs = log.tlsErrors.length ? `; TLS failed with ${log.tlsErrors.join(', ')}` : '';
    out.push(`Your Send protocol log${names.length ? `: your server presents ${names.join(', ')}` : ''}${errs}.`);
  }
  if (facts.domain && facts.ndrs.length === 0) {
    out.push(
      `Your domain ${facts.domain}: checking both sides, your Send connector on premises and the inbound connector in Exchange Online.`,
    );
  }
  return out;
}
