import { parseTlsCertificateName } from '../certificates/cert-names';
import { dnsName } from '../live/host-names';
import { parseIpv4 } from '../net/ipv4';
import { type AnswerType, isNotSureAnswer, normalizedWords, NOT_SURE_VALUE } from './answer-types';

// Validators for typed answers to text questions. Each returns the value to record (normalized: lower case,
// one list separator) or why the text cannot be used, so the conversation can re-ask instead of recording
// "Yes" as a domain. A short sentence around one usable value ("our domain is contoso.com") is accepted.

export type AnswerProblem =
  | 'empty'
  | 'too-long'
  /** "yes", "no", "ok": a choice word where a value is needed. */
  | 'yes-no'
  /** "TlsSenderCertificateName": the setting's name, not its value. */
  | 'property-name'
  /** "Get-InboundConnector": a command to run, not its output. */
  | 'command'
  | 'not-a-domain'
  | 'not-a-certificate-name'
  | 'not-an-ipv4'
  | 'private-ipv4'
  | 'ipv6'
  | 'not-an-ip-entry'
  | 'not-a-host'
  | 'several-values'
  | 'not-a-connector-name';

export type AnswerCheck =
  | { outcome: 'valid'; value: string }
  /** "not sure", "skip": record NOT_SURE_VALUE, which the rules read as unknown. */
  | { outcome: 'not-sure'; value: typeof NOT_SURE_VALUE }
  /** `part` is the piece that failed, when the text held several. */
  | { outcome: 'invalid'; problem: AnswerProblem; part?: string };

const MAX_ANSWER_CHARS = 1000;
/** Exchange limits connector names to 64 characters. */
const MAX_CONNECTOR_NAME = 64;

const YES_NO = /^(y|yes|yeah|yep|n|no|nope|ok|okay|true|false|on|off|enabled|disabled|correct|right|wrong|sure)$/;
const COMMAND = /^(get|set|new|remove|enable|disable|test)-[a-z]+/i;
/** CamelCase with at least two humps and no dot: an Exchange property name such as SenderIPAddresses. */
const PROPERTY_NAME = /^[A-Z][a-z]*(?:[A-Z]+[a-z0-9]*)+$/;

/** Quotes, braces and brackets around a value, as typed or copied from PowerShell output. */
function unwrap(text: string): string {
  return text
    .trim()
    .replace(/^[{(["'`]+|[})\]"'`]+$/g, '')
    .trim();
}

/** Words around the value ("our domain is …", "TlsSenderCertificateName :", "O=Contoso") that are not values. */
function isFiller(token: string): boolean {
  return /^[a-z'’]+[:.]?$/i.test(token) || /^[:=\-–]+$/.test(token) || /^(?!cn=)[a-z]+=/i.test(token);
}

function tokens(text: string): string[] {
  return unwrap(text)
    .split(/[\s,;]+/)
    .map((t) => unwrap(t).replace(/^cn=/i, ''))
    .filter((t) => t !== '');
}

/** The pieces of the text that could be values: everything but filler words. */
function candidates(text: string): string[] {
  return tokens(text).filter((t) => !isFiller(t));
}

/** Why text without a usable value is not one: a choice word, a property name, a command, or just not one. */
function commonProblem(text: string, fallback: AnswerProblem): AnswerProblem {
  const words = normalizedWords(unwrap(text));
  if (words === '') return 'empty';
  if (YES_NO.test(words)) return 'yes-no';
  const bare = unwrap(text).replace(/\s*[:=]\s*$/, '');
  if (COMMAND.test(bare)) return 'command';
  if (PROPERTY_NAME.test(bare)) return 'property-name';
  return fallback;
}

/** No piece of the text could be a value: say why, naming what was typed. */
function nothingUsable(text: string, notIt: AnswerProblem): AnswerCheck {
  return { outcome: 'invalid', problem: commonProblem(text, notIt), part: unwrap(text).replace(/\s*[:=]\s*$/, '') };
}

function domain(token: string): string | undefined {
  const name = dnsName(token);
  // The last label of a domain holds a letter (contoso.123 is not one).
  return name && /[a-z]/.test(name.slice(name.lastIndexOf('.') + 1)) ? name : undefined;
}

function certificateName(token: string): string | undefined {
  const t = token.toLowerCase();
  if (t.startsWith('*.')) {
    const base = domain(t.slice(2));
    return base ? `*.${base}` : undefined;
  }
  return t.includes('*') ? undefined : domain(t);
}

function isIpv6(token: string): boolean {
  return /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(\/\d{1,3})?$/i.test(token.replace(/^\[|\]$/g, ''));
}

/** Addresses EOP never sees as a sender: private (RFC 1918), loopback, link-local, shared, multicast. */
function isNonPublicIpv4(n: number): boolean {
  const a = n >>> 24;
  const b = (n >>> 16) & 0xff;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  );
}

function ipEntry(token: string): string | undefined {
  const range = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(token);
  if (range) {
    const lo = parseIpv4(range[1]);
    const hi = parseIpv4(range[2]);
    return lo !== undefined && hi !== undefined && lo <= hi ? `${range[1]}-${range[2]}` : undefined;
  }
  const [base, bits, extra] = token.split('/');
  if (extra !== undefined || parseIpv4(base) === undefined) return undefined;
  if (bits === undefined) return base;
  return /^\d{1,2}$/.test(bits) && Number(bits) >= 1 && Number(bits) <= 32 ? `${base}/${Number(bits)}` : undefined;
}

/** Pieces that look like a value (digits, dots, wildcards, slashes) rather than a word of a sentence. */
const VALUE_LIKE = /[\d.*/:@]/;

/** One value from the candidates, or why not. Words around it are tolerated; a second value is not. */
function single(text: string, parse: (t: string) => string | undefined, notIt: AnswerProblem): AnswerCheck {
  const found = candidates(text);
  if (found.length === 0) return nothingUsable(text, notIt);
  const good = [...new Set(found.map(parse).filter((v): v is string => v !== undefined))];
  const bad = found.filter((t) => parse(t) === undefined);
  if (good.length > 1) return { outcome: 'invalid', problem: 'several-values' };
  if (good.length === 1 && !bad.some((t) => VALUE_LIKE.test(t))) return { outcome: 'valid', value: good[0] };
  const part = bad[0];
  return { outcome: 'invalid', problem: found.length === 1 ? commonProblem(part, notIt) : notIt, part };
}

/** Every candidate must be usable; the list is recorded with one separator. */
function list(text: string, parse: (t: string) => string | undefined, notIt: AnswerProblem): AnswerCheck {
  const found = candidates(text);
  if (found.length === 0) return nothingUsable(text, notIt);
  const out: string[] = [];
  for (const t of found) {
    const v = parse(t);
    if (v === undefined) return { outcome: 'invalid', problem: isIpv6(t) ? 'ipv6' : commonProblem(t, notIt), part: t };
    if (!out.includes(v)) out.push(v);
  }
  return { outcome: 'valid', value: out.join(', ') };
}

function checkIpv4(text: string): AnswerCheck {
  const found = candidates(text);
  const v6 = found.find(isIpv6);
  if (v6 && !found.some((t) => parseIpv4(t) !== undefined)) return { outcome: 'invalid', problem: 'ipv6', part: v6 };
  const r = single(text, (t) => (parseIpv4(t) !== undefined ? t : undefined), 'not-an-ipv4');
  if (r.outcome === 'valid' && isNonPublicIpv4(parseIpv4(r.value)!))
    return { outcome: 'invalid', problem: 'private-ipv4', part: r.value };
  return r;
}

function checkCertificateName(text: string): AnswerCheck {
  // TlsCertificateName form <I>issuer<S>subject: the subject's CN is the name.
  const cn = /^\s*<I>/i.test(text) ? parseTlsCertificateName(text).subjectCn : undefined;
  return single(cn ?? text, certificateName, 'not-a-certificate-name');
}

function checkSmartHost(text: string): AnswerCheck {
  if (/^(none|no smart ?host|dns|mx|-)$/.test(normalizedWords(text))) return { outcome: 'valid', value: 'none' };
  return list(
    text,
    (t) => {
      if (/:\d+$/.test(t)) return undefined;
      const bare = t.replace(/^\[|\]$/g, '');
      return parseIpv4(bare) !== undefined ? bare : domain(bare);
    },
    'not-a-host',
  );
}

function checkConnectorName(text: string): AnswerCheck {
  // "Name : Outbound to Office 365" as copied from Format-List output.
  const value = unwrap(text.trim().replace(/^name\s*:\s*/i, ''));
  if (value === '') return { outcome: 'invalid', problem: 'empty' };
  const problem = commonProblem(value, 'not-a-connector-name');
  if (problem !== 'not-a-connector-name') return { outcome: 'invalid', problem };
  if (value.length > MAX_CONNECTOR_NAME || /[\r\n\t]/.test(value))
    return { outcome: 'invalid', problem: 'not-a-connector-name' };
  return { outcome: 'valid', value };
}

const CHECKS: Record<AnswerType, (text: string) => AnswerCheck> = {
  domain: (text) => single(text, domain, 'not-a-domain'),
  'certificate-name': checkCertificateName,
  'certificate-names': (text) => list(text, certificateName, 'not-a-certificate-name'),
  ipv4: checkIpv4,
  'ip-list': (text) => list(text, ipEntry, 'not-an-ip-entry'),
  'smart-host': checkSmartHost,
  'connector-name': checkConnectorName,
};

/** Check a typed answer against its question's type. */
export function validateAnswer(type: AnswerType, text: string): AnswerCheck {
  if (text.trim() === '') return { outcome: 'invalid', problem: 'empty' };
  if (text.length > MAX_ANSWER_CHARS) return { outcome: 'invalid', problem: 'too-long' };
  if (isNotSureAnswer(text)) return { outcome: 'not-sure', value: NOT_SURE_VALUE };
  return CHECKS[type](text);
}
