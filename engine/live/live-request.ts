import type { Facts } from '../facts';
import { classifyHost } from '../knowledge/endpoints';
import { dnsName } from './host-names';

// What to look up, taken from what the user already gave: no admin should have to type their MX.

type DomainSource = 'typed' | 'ndr-sender' | 'accepted-domain' | 'send-connector-fqdn';

export interface LiveRequest {
  domain?: string;
  smartHosts?: string[];
  remoteHosts?: string[];
}

export interface LiveRequestFromFacts {
  domain?: string;
  /** Where `domain` came from, so a front end can say "contoso.com (from the NDR's sender)". */
  domainSource?: DomainSource;
  smartHosts: string[];
  remoteHosts: string[];
}

// Suffixes that never resolve on the Internet: an FQDN under them says nothing about the public domain.
const PRIVATE_SUFFIX = /\.(local|lan|internal|corp|home|localdomain|intranet|private)$/;

/** `mail.contoso.com` → `contoso.com`; a two-label name is already the domain. */
function fqdnParent(fqdn: string | undefined): string | undefined {
  const name = dnsName(fqdn);
  if (!name || PRIVATE_SUFFIX.test(name)) return undefined;
  const labels = name.split('.');
  return labels.length > 2 ? labels.slice(1).join('.') : name;
}

function uniqueHosts(hosts: (string | undefined)[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const h of hosts) {
    const first = h?.trim().split(/\s+/)[0]; // "host [192.0.2.1]" → "host"
    if (!first) continue;
    const cls = classifyHost(first);
    if (cls.kind === 'ip-literal') continue; // nothing to resolve; the rules judge IPs without DNS
    const name = dnsName(cls.host);
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

export function liveRequestFromFacts(facts: Facts): LiveRequestFromFacts {
  // Accepted default domain before the connector's FQDN: it is the organization's domain by
  // definition, while an FQDN's parent may be an internal or hosting name.
  const candidates: [DomainSource, string | undefined][] = [
    ['typed', facts.domain],
    ['ndr-sender', facts.ndrs.find((n) => n.senderDomain)?.senderDomain],
    ['accepted-domain', facts.acceptedDomains.find((d) => d.isDefault)?.domainName],
    ['send-connector-fqdn', fqdnParent(facts.sendConnectors.find((c) => c.fqdn)?.fqdn)],
  ];
  let domain: string | undefined;
  let domainSource: DomainSource | undefined;
  for (const [source, value] of candidates) {
    const name = dnsName(value);
    if (name && !PRIVATE_SUFFIX.test(name)) {
      domain = name;
      domainSource = source;
      break;
    }
  }

  // The Internet connector (address space *, enabled) first: only the first hosts are looked up (MAX_CHECKED_HOSTS).
  const internet = (c: Facts['sendConnectors'][number]) =>
    c.enabled !== false && c.addressSpaces.some((a) => /(^|:)\*(;|$)/.test(a.trim()));
  const ordered = [...facts.sendConnectors.filter(internet), ...facts.sendConnectors.filter((c) => !internet(c))];
  const smartHosts = uniqueHosts(ordered.flatMap((c) => c.smartHosts));
  // A server inside EOP/EXO (e.g. *.prod.protection.outlook.com) is not something the admin chose.
  const remoteHosts = uniqueHosts(facts.ndrs.map((n) => n.remoteServer)).filter(
    (h) => classifyHost(h).kind !== 'eop-internal',
  );
  return { domain, domainSource, smartHosts, remoteHosts };
}
