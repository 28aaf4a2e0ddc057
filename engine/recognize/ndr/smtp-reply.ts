// Small, linear helpers over one SMTP reply or diagnostic line. Every regex here is anchored on literal
// text or uses bounded quantifiers, and callers cap lines at MAX_LINE, so no input can make them backtrack
// badly.

/** Lines are scanned only up to this many characters (a reply never needs more). */
const MAX_LINE = 4096;

export function capLine(line: string): string {
  return line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
}

/** `550 5.7.64`, `550-5.7.1`, `550;5.7.711`, `550  5.4.1` — basic code, then the enhanced status code. */
const CODE_AND_STATUS = /(?<![\d.])([245]\d\d)(?:[ \t]{1,3}|-|;)([245]\.\d{1,3}\.\d{1,3})(?!\d|\.\d)/;
/** A basic reply code at the start of a reply. */
const LEADING_CODE = /^\s{0,4}([245]\d\d)(?=[\s\-;:]|$)/;
/** An enhanced status code anywhere. */
const STATUS = /(?<![\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d]|\.\d)/;

export interface ReplyCodes {
  replyCode?: string;
  enhancedStatus?: string;
}

/** Position and codes of the first `<code> <enhanced>` pair in a line. */
export function findCodeAndStatus(
  line: string,
): { index: number; replyCode: string; enhancedStatus: string } | undefined {
  const m = CODE_AND_STATUS.exec(line);
  return m ? { index: m.index, replyCode: m[1], enhancedStatus: m[2] } : undefined;
}

/** Reply code (leading) and the first enhanced status code of a reply text. */
export function codesOf(reply: string): ReplyCodes {
  const pair = findCodeAndStatus(reply);
  const lead = LEADING_CODE.exec(reply);
  const status = STATUS.exec(reply);
  if (lead) return { replyCode: lead[1], enhancedStatus: pair && pair.index <= 4 ? pair.enhancedStatus : status?.[1] };
  if (pair) return { replyCode: pair.replyCode, enhancedStatus: pair.enhancedStatus };
  return { enhancedStatus: status?.[1] };
}

export function findEnhancedStatus(text: string): string | undefined {
  return STATUS.exec(text)?.[1];
}

const WRAPPED = /responded with:?\s{0,3}["']/i;

/**
 * The inner reply of a wrapper such as `451 4.4.0 Primary target IP address responded with: "421 4.4.1
 * Connection timed out." Attempted failover…`: classification follows the inner reply.
 */
export function innerReply(text: string): string | undefined {
  const m = WRAPPED.exec(text);
  if (!m) return undefined;
  const quote = text[m.index + m[0].length - 1];
  const start = m.index + m[0].length;
  const end = text.indexOf(quote, start);
  const inner = (end < 0 ? text.slice(start) : text.slice(start, end)).trim();
  return inner === '' ? undefined : inner;
}

/** `ATTR36`, `ATTR3.1`, `ATTR55.1`. */
export function attrOf(text: string): string | undefined {
  const m = /\bATTR(\d{1,3}(?:\.\d{1,2})?)\b/i.exec(text);
  return m ? `ATTR${m[1]}` : undefined;
}

const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\.[A-Za-z0-9-]{1,63}){1,20}\.?$/;
const IPV4 = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
const ISO_TS = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?Z?/g;

export function isHostName(s: string): boolean {
  return s.length <= 253 && HOST.test(s) && !IPV4.test(s) && /[A-Za-z]/.test(s.slice(s.lastIndexOf('.') + 1));
}

export function isIp(s: string): boolean {
  return IPV4.test(s) || (/^[0-9A-Fa-f:.]{3,45}$/.test(s) && s.includes(':'));
}

/**
 * The host named in a Microsoft reply's bracketed tail: `[AM5EUR02FT025.eop-EUR02.prod.protection.outlook.com]`
 * or `[<host> <ISO-timestamp> <hex-id>]`. Only a bracket with a timestamp or a Microsoft-looking host counts,
 * so `sending domain [EXAMPLE.JP]` is not taken for a server.
 */
export function replyHostOf(text: string, isMicrosoft: (h: string) => boolean): string | undefined {
  let fallback: string | undefined;
  let from = 0;
  for (let guard = 0; guard < 20; guard += 1) {
    const open = text.indexOf('[', from);
    if (open < 0) break;
    const close = text.indexOf(']', open + 1);
    if (close < 0 || close - open > 300) {
      from = open + 1;
      continue;
    }
    const inner = text.slice(open + 1, close).trim();
    from = close + 1;
    const parts = inner.split(/\s+/);
    const host = parts[0].replace(/\.$/, '');
    if (!isHostName(host)) continue;
    if (parts.length >= 2 && /^\d{4}-\d\d-\d\dT/.test(parts[1])) return host;
    if (!fallback && isMicrosoft(host)) fallback = host;
  }
  return fallback;
}

export function isoTimestamps(text: string): string[] {
  return text.match(ISO_TS) ?? [];
}

/** Lower-case, whitespace collapsed: the form patterns match against. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A key that is equal for the same reply quoted in different wrappers (`smtp;`, quotes, `#…##`, `<<<`). */
export function replyKey(reply: string): string {
  const lead = findCodeAndStatus(reply);
  const from = lead ? lead.index : 0;
  return reply
    .slice(from)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 60);
}

const EMAIL = /[A-Za-z0-9._%+'=!#$&*/?^`{|}~-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,10}/;

/** The first e-mail address in a text. */
export function addressOf(value: string): string | undefined {
  return EMAIL.exec(value)?.[0];
}
