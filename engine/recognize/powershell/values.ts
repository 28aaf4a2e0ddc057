// Reading PsRaw values the way Format-List prints them (docs/knowledge.md#format-list) or ConvertTo-Json writes them.
import type { PsRaw } from './ps-object';

export interface ListValue {
  items: string[];
  /** The printed list ended with `...` / `…`: $FormatEnumerationLimit hid the rest. */
  truncated: boolean;
}

const ELLIPSES = ['...', '\u2026'];

function stripEllipsis(s: string): { text: string; cut: boolean } {
  for (const e of ELLIPSES) {
    if (s.endsWith(e)) return { text: s.slice(0, -e.length), cut: true };
  }
  return { text: s, cut: false };
}

function isRecord(v: PsRaw | undefined): v is { [key: string]: PsRaw } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function field(o: { [key: string]: PsRaw }, name: string): PsRaw | undefined {
  const want = name.toLowerCase();
  for (const k of Object.keys(o)) if (k.toLowerCase() === want) return o[k];
  return undefined;
}

/**
 * A serialized Exchange object as the string Format-List would print. Exchange types turn into
 * property bags in JSON; these are the shapes of the ones the recognizers read (best effort).
 */
function recordToText(o: { [key: string]: PsRaw }): string {
  const issuer = field(o, 'CertificateIssuer');
  const subject = field(o, 'CertificateSubject');
  if (typeof issuer === 'string' && typeof subject === 'string') return `<I>${issuer}<S>${subject}`;
  const type = field(o, 'Type');
  const address = field(o, 'Address');
  const cost = field(o, 'Cost');
  if (typeof address === 'string' && (typeof type === 'string' || typeof type === 'number') && cost !== undefined) {
    return `${String(type)}:${address};${String(cost)}`;
  }
  for (const k of [
    'AddressString',
    'Address',
    'Domain',
    'HostnameString',
    'SmartHost',
    'Name',
    'Value',
    'DisplayName',
  ]) {
    const v = field(o, k);
    if (typeof v === 'string' || typeof v === 'number') return String(v);
    if (isRecord(v)) return recordToText(v);
  }
  return '';
}

/** One value as a string (lists joined with `, `), or undefined when absent/null. */
function toText(v: PsRaw | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (Array.isArray(v)) return v.map((x) => toText(x) ?? '').join(', ');
  return recordToText(v);
}

/** `{a, b}`, `{}`, `{a, b, c, d...}`, a bare `a, b`, or a JSON array. */
export function toList(v: PsRaw | undefined): ListValue {
  if (v === undefined || v === null) return { items: [], truncated: false };
  if (Array.isArray(v)) {
    const items = v.map((x) => (toText(x) ?? '').trim()).filter((x) => x !== '');
    return { items, truncated: false };
  }
  if (typeof v !== 'string') {
    const t = toText(v);
    return { items: t ? [t] : [], truncated: false };
  }
  let s = v.trim();
  let truncated = false;
  if (s.startsWith('{')) {
    s = s.slice(1);
    if (s.endsWith('}')) s = s.slice(0, -1);
    else truncated = true; // a list cut off without its closing brace
  }
  const cut = stripEllipsis(s.trimEnd());
  if (cut.cut) {
    truncated = true;
    s = cut.text;
  }
  const items = s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  return { items, truncated };
}

/** True/False/$true/$false (any case), JSON booleans; anything else is undefined. */
export function toBool(v: PsRaw | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase().replace(/^\$/, '');
  if (s === 'true') return true;
  if (s === 'false') return false;
  return undefined;
}

/** A TCP port: an integer 0–65535. */
export function toPort(v: PsRaw | undefined): number | undefined {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '';
  if (!/^\d{1,5}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= 65535 ? n : undefined;
}

/** A single-valued string: trimmed; `''` stays `''` (printed empty), null/absent → undefined. */
export function toScalar(v: PsRaw | undefined): string | undefined {
  const t = toText(v);
  return t === undefined ? undefined : t.trim();
}
