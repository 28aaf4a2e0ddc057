// Bytes → text. UTF-8 when the bytes are valid UTF-8, otherwise Latin-1, so that no byte is lost and
// MIME decoding (which works on the 7/8-bit form) still sees the original octets.
const utf8 = new TextDecoder('utf-8', { fatal: true });

export function bytesToText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  try {
    return utf8.decode(input);
  } catch {
    return Buffer.from(input.buffer, input.byteOffset, input.byteLength).toString('latin1');
  }
}

/** True when the bytes look like a binary file rather than text (NUL bytes or mostly control bytes). */
export function looksBinary(input: Uint8Array): boolean {
  const n = Math.min(input.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i += 1) {
    const b = input[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control += 1;
  }
  return control / n > 0.1;
}
