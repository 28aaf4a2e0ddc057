import iconv from 'iconv-lite';

// Charset names as mail software writes them → a decoder. iconv-lite knows UTF-7 (including Microsoft's
// `unicode-1-1-utf-7`), KOI8-R, windows-125x, Shift_JIS…; Node's TextDecoder (full ICU) adds ISO-2022-JP,
// which iconv-lite lacks.

const ALIASES: Record<string, string> = {
  'unicode-1-1-utf-7': 'utf-7',
  'x-unicode-2-0-utf-7': 'utf-7',
  'unicode-2-0-utf-7': 'utf-7',
  utf7: 'utf-7',
  'x-sjis': 'shift_jis',
  'ks_c_5601-1987': 'cp949',
  'ansi_x3.4-1968': 'us-ascii',
  'x-user-defined': 'latin1',
};

function normalizeCharset(charset: string): string {
  const c = charset
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  return ALIASES[c] ?? c;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes in the declared charset; unknown or missing charsets fall back to UTF-8, then Latin-1. Never throws. */
export function decodeCharset(bytes: Uint8Array, charset?: string): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const name = charset ? normalizeCharset(charset) : '';
  if (name && name !== 'utf-8' && name !== 'utf8') {
    try {
      if (iconv.encodingExists(name)) return iconv.decode(buf, name);
    } catch {
      // fall through to the next decoder
    }
    try {
      return new TextDecoder(name).decode(buf);
    } catch {
      // unknown to ICU as well
    }
  }
  try {
    return utf8Strict.decode(buf);
  } catch {
    return buf.toString('latin1');
  }
}

/** The charset parameter of a raw Content-Type value, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /charset\s{0,5}=\s{0,5}["']?([A-Za-z0-9._:+-]{1,40})/i.exec(contentType.slice(0, 1000));
  return m ? m[1] : undefined;
}
