// Redaction for a summary that leaves the organization (a vendor ticket, a public forum): e-mail addresses,
// IP addresses, host and domain names (certificate names are host names) are replaced by placeholders,
// the same value always by the same placeholder, so the text still reads ("host-1.domain-1 presents
// domain-1's certificate"). Microsoft's own service names stay: they identify EOP endpoints, not the
// organization; a tenant endpoint's first label (contoso-com.mail.protection.outlook.com) is the
// organization's domain and is replaced like it.

/** Registered domains that are Microsoft's service names, kept as they are. */
const KEPT_DOMAINS = new Set([
  'outlook.com',
  'microsoft.com',
  'office365.com',
  'office.com',
  'microsoftonline.com',
  'windows.net',
  'azure.com',
  'live.com',
  'messaging.microsoft.com',
  'onmicrosoft.com',
  'sharepoint.com',
  'mail.protection.outlook.com',
]);
/** Endings that are file names in the text (`bounce.eml`), never top-level domains. */
const FILE_ENDINGS = new Set([
  'txt',
  'eml',
  'msg',
  'log',
  'html',
  'htm',
  'json',
  'ps1',
  'psm1',
  'xml',
  'csv',
  'png',
  'jpg',
  'pdf',
  'zip',
  'exe',
  'dll',
  'aspx',
]);
/** Second-level labels under a two-letter country code that are registries, not names (contoso.co.uk). */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ltd', 'plc']);
const TENANT_SUFFIX = '.mail.protection.outlook.com';

const EMAIL = String.raw`[A-Za-z0-9_%+-][A-Za-z0-9._%+'-]*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,63}`;
const IPV4 = String.raw`(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?!\.?\d)`;
const IPV6 = String.raw`(?<![\w:.])(?=[0-9A-Fa-f:]*::|(?:[0-9A-Fa-f]{1,4}:){7})[0-9A-Fa-f:]{2,39}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])`;
const HOST = String.raw`(?<![\w$@.-])(?:\*\.)?(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![\w-]|\.[A-Za-z0-9])`;
const TOKEN = new RegExp(`(${EMAIL})|(${IPV4})|(${IPV6})|(${HOST})`, 'g');

function isIpv4(s: string): boolean {
  return s.split('.').every((p) => Number(p) <= 255);
}

function isIpv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  const tail = groups.at(-1) ?? '';
  const ipv4Tail = tail.includes('.');
  if (ipv4Tail && !(isIpv4(tail) && /^(\d{1,3}\.){3}\d{1,3}$/.test(tail))) return false;
  const hexGroups = ipv4Tail ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = hexGroups.length + (ipv4Tail ? 2 : 0);
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** The registered domain of a host name: the last two labels, three under a registry label (co.uk). */
function registeredDomain(name: string): string {
  const labels = name.split('.');
  const n =
    labels[labels.length - 1].length === 2 && labels.length >= 3 && SECOND_LEVEL.has(labels[labels.length - 2]) ? 3 : 2;
  return labels.slice(-n).join('.');
}

function isKept(name: string): boolean {
  const domain = registeredDomain(name);
  return KEPT_DOMAINS.has(domain) || [...KEPT_DOMAINS].some((k) => name === k || name.endsWith(`.${k}`));
}

/** Placeholders handed out so far; one Redactor per summary keeps every value's placeholder the same. */
export class Redactor {
  private readonly domains = new Map<string, string>();
  private readonly hosts = new Map<string, string>();
  private readonly users = new Map<string, string>();
  private readonly ips = new Map<string, string>();
  private readonly ipv6s = new Map<string, string>();
  /** Tenant endpoint label (`contoso-com`) → the placeholder of the domain it was made from. */
  private readonly tenantLabels = new Map<string, string>();

  /** Redacts the text; all of it is scanned first, so a domain's placeholder does not depend on where it first appears. */
  redact(text: string): string {
    for (const m of text.matchAll(TOKEN)) this.placeholder(m);
    return text.replace(TOKEN, (...args) => this.placeholder(args as unknown as RegExpMatchArray));
  }

  private placeholder(m: RegExpMatchArray): string {
    const [whole, email, ipv4, ipv6, host] = m;
    if (email) {
      const at = email.lastIndexOf('@');
      const domainPart = email.slice(at + 1);
      const user = this.assign(this.users, email.toLowerCase(), 'user');
      return `${user}@${this.name(domainPart)}`;
    }
    if (ipv4) return isIpv4(ipv4) ? this.ipv4(ipv4) : whole;
    if (ipv6) return isIpv6(ipv6) ? this.assign(this.ipv6s, ipv6.toLowerCase(), '2001:db8::', '') : whole;
    if (host) {
      const wildcard = host.startsWith('*.');
      const name = wildcard ? host.slice(2) : host;
      const tld = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
      if (FILE_ENDINGS.has(tld)) return whole;
      return `${wildcard ? '*.' : ''}${this.name(name)}`;
    }
    return whole;
  }

  private name(raw: string): string {
    const name = raw.toLowerCase();
    if (name.endsWith(TENANT_SUFFIX) && name.split('.').length === 5) {
      const label = name.slice(0, -TENANT_SUFFIX.length);
      const placeholder = this.tenantLabels.get(label) ?? this.assign(this.domains, `tenant:${label}`, 'domain');
      return `${placeholder}${TENANT_SUFFIX}`;
    }
    if (isKept(name)) return raw;
    const domain = registeredDomain(name);
    const domainPlaceholder = this.assign(this.domains, domain, 'domain');
    this.tenantLabels.set(domain.replace(/\./g, '-'), domainPlaceholder);
    if (domain === name) return domainPlaceholder;
    return `${this.assign(this.hosts, name, 'host')}.${domainPlaceholder}`;
  }

  private ipv4(ip: string): string {
    const key = ip.split('.').map(Number).join('.');
    const known = this.ips.get(key);
    if (known) return known;
    // Documentation ranges (RFC 5737): 254 addresses each, then numbered names.
    const n = this.ips.size;
    const ranges = ['203.0.113.', '198.51.100.', '192.0.2.'];
    const placeholder = n < 254 * ranges.length ? `${ranges[Math.floor(n / 254)]}${(n % 254) + 1}` : `ip-${n + 1}`;
    this.ips.set(key, placeholder);
    return placeholder;
  }

  private assign(map: Map<string, string>, key: string, prefix: string, sep = '-'): string {
    const known = map.get(key);
    if (known) return known;
    const placeholder = `${prefix}${sep}${map.size + 1}`;
    map.set(key, placeholder);
    return placeholder;
  }
}

/** Redacts one text with a fresh Redactor. */
export function redact(text: string): string {
  return new Redactor().redact(text);
}
