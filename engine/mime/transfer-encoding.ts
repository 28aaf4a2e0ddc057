// Content-Transfer-Encoding → bytes. The MIME structure comes from emailjs-mime-parser; its decoded text
// content is not used because it decodes charsets it does not know (UTF-7) as UTF-8 and runs base64 text
// through two charset conversions, so leaf bodies are decoded here from the node's own raw lines.

/** Bytes of a "binary string" (one char per octet). */
function binaryToBytes(s: string): Uint8Array {
  return Buffer.from(s, 'latin1');
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** Quoted-printable (RFC 2045 §6.7), lenient: a malformed `=` is kept as is. Linear. */
function decodeQuotedPrintable(s: string): Uint8Array {
  const out = Buffer.allocUnsafe(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c === 61 /* = */) {
      if (s.charCodeAt(i + 1) === 10) {
        i += 1;
        continue;
      } // soft line break
      if (s.charCodeAt(i + 1) === 13 && s.charCodeAt(i + 2) === 10) {
        i += 2;
        continue;
      }
      const h = hexValue(s.charCodeAt(i + 1));
      const l = hexValue(s.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) {
        out[n++] = h * 16 + l;
        i += 2;
        continue;
      }
    }
    out[n++] = c & 0xff;
  }
  return out.subarray(0, n);
}

/** Decodes a body by its transfer encoding; identity for 7bit/8bit/binary/unknown. */
export function decodeTransfer(body: string, encoding: string | undefined): Uint8Array {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (enc === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (enc === 'quoted-printable') return decodeQuotedPrintable(body);
  return binaryToBytes(body);
}
