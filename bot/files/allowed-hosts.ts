// Which hosts the bot may download an attached file from. A Teams file attachment carries a download URL
// chosen by whoever sent the activity; without this list a forged attachment could make the bot fetch any
// internal address (server-side request forgery).

/** Host names Teams uses for files in a personal chat: the user's OneDrive (`<tenant>-my.sharepoint.com`). */
export const DEFAULT_FILE_DOWNLOAD_HOSTS = '*.sharepoint.com';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export interface HostRule {
  /** `*.sharepoint.com` matches any sub-domain (not the bare domain); anything else matches exactly. */
  pattern: string;
}

/** Parses the comma-separated FILE_DOWNLOAD_HOSTS value (lower-cased, blanks dropped). */
export function parseHostList(value: string): HostRule[] {
  return value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((pattern) => ({ pattern }));
}

function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) {
    const suffix = pattern.slice(1); // ".sharepoint.com"
    return host.length > suffix.length && host.endsWith(suffix);
  }
  return host === pattern;
}

export type UrlCheck =
  { ok: true; url: URL } | { ok: false; reason: 'bad-url' | 'not-https' | 'host-not-allowed' | 'credentials' };

/**
 * May the bot fetch this URL? https on the default port to an allowed host; plain http only to a loopback
 * host listed by name (local tests). User names and passwords in the URL are refused.
 */
export function checkDownloadUrl(raw: string, rules: readonly HostRule[]): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'bad-url' };
  }
  if (url.username || url.password) return { ok: false, reason: 'credentials' };
  const host = url.hostname.toLowerCase();
  if (!rules.some((r) => hostMatches(host, r.pattern))) return { ok: false, reason: 'host-not-allowed' };
  const loopbackListed = LOOPBACK.has(host) && rules.some((r) => r.pattern === host);
  if (url.protocol === 'https:') {
    if (url.port !== '' && !loopbackListed) return { ok: false, reason: 'not-https' };
    return { ok: true, url };
  }
  if (url.protocol === 'http:' && loopbackListed) return { ok: true, url };
  return { ok: false, reason: 'not-https' };
}
