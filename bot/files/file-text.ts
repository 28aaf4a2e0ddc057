import { bytesToText, looksBinary } from '../../engine/index';
import { type ItemPart, outlookMsgText } from './outlook-msg-text';

// What a downloaded file holds, decided by its bytes, never by its name: an Outlook item (compound file),
// text in UTF-16 (PowerShell's `>` on Windows) or UTF-8/Latin-1 (.eml, .txt, .log, .html, .json), or
// something the bot cannot read (images, PDFs, archives, Office documents).

/** `parts`: the file's text, and for an Outlook item each readable attachment separately (named). */
export type FileText = { ok: true; parts: ItemPart[] } | { ok: false; reason: 'binary' | 'not-outlook-item' | 'empty' };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Attachments inside attachments: an NDR saved from Outlook holds the returned message, rarely deeper. */
const MAX_DEPTH = 3;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

export function fileText(bytes: Uint8Array, depth = 0): FileText {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (startsWith(bytes, CFB_MAGIC)) {
    if (depth >= MAX_DEPTH) return { ok: false, reason: 'binary' };
    let parts: ItemPart[] | undefined;
    try {
      parts = outlookMsgText(bytes, (_name, inner) => {
        const read = fileText(inner, depth + 1);
        return read.ok ? read.parts : [];
      });
    } catch {
      parts = undefined; // a damaged compound file
    }
    if (parts === undefined) return { ok: false, reason: 'not-outlook-item' };
    // An item with no text at all reads as a damaged or foreign compound file.
    return parts.length > 0 ? { ok: true, parts } : { ok: false, reason: 'not-outlook-item' };
  }
  const utf16 = utf16Text(bytes);
  if (utf16 !== undefined) return { ok: true, parts: [{ text: utf16 }] };
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };
  return { ok: true, parts: [{ text: bytesToText(bytes).replace(/^\uFEFF/, '') }] };
}

/** UTF-16 with a byte-order mark, as Windows PowerShell 5 writes redirected output. */
function utf16Text(bytes: Uint8Array): string | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return buf.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2, bytes.length - (bytes.length % 2)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return undefined;
}
