import parse, { type MimeNode } from 'emailjs-mime-parser';

import { charsetOf, decodeCharset } from './charset';
import { htmlToText } from './html-to-text';
import { normalizeLineEndings } from './line-endings';
import { decodeTransfer } from './transfer-encoding';

// A raw message → the text an NDR recognizer reads. The MIME structure (headers, boundaries, nesting,
// message/rfc822) comes from emailjs-mime-parser, which is synchronous and lenient; leaf bodies are decoded
// here (transfer encoding, then charset with iconv-lite). Parsing never throws out of this module: on any
// failure the caller falls back to scanning the raw text.

type PartKind = 'text' | 'html' | 'delivery-status' | 'headers';

interface MessagePart {
  kind: PartKind;
  /** Decoded text, `\n` line endings (HTML already converted to text). */
  text: string;
}

interface OriginalHeaders {
  from?: string;
  returnPath?: string;
}

export interface ExtractedMessage {
  /** Top-level header name (lower case) → its first raw value. */
  headers: Record<string, string>;
  /** Readable parts in document order; bodies inside an attached original message are left out. */
  parts: MessagePart[];
  /** Sender of the original message, from a message/rfc822 or text/rfc822-headers part. */
  original: OriginalHeaders;
  /** A message/feedback-report part or report-type=feedback-report (ARF abuse report). */
  feedbackReport: boolean;
}

/**
 * Only the first MIME_CAP characters (an NDR's readable parts come first; the parser's text decoding is slow)
 * are given to the MIME parser; the rest is raw-scanned by the caller.
 */
const MIME_CAP = 512_000;
const MAX_DEPTH = 64;
const MAX_PARTS = 200;
/**
 * Multipart headers the parser sees. emailjs-mime-parser hands every line to each enclosing node (each
 * keeps its raw text), so its cost is the size times the nesting depth; the text from the 17th multipart
 * header on is left out of the parse, which caps the depth (an NDR has two or three) and keeps it linear.
 * Text left out is still there for the caller's raw scan.
 */
const MAX_MULTIPARTS = 16;

/** The text up to the (MAX_MULTIPARTS + 1)th multipart Content-Type header. */
function capMultiparts(text: string): string {
  const re = /^content-type:[ \t]*multipart\//gim;
  let n = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (n === MAX_MULTIPARTS) return text.slice(0, m.index);
    n += 1;
  }
  return text;
}

/** One char per octet: the form the MIME parser works on. Text that holds non-Latin-1 chars came from UTF-8. */
function toBinaryString(text: string): string {
  return /[^\u0000-\u00ff]/.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

const HEADER_LINE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,75}:/;

/** Drops blank lines and an mbox `From ` line before the headers. */
function stripPreamble(text: string): string {
  let i = 0;
  for (;;) {
    const nl = text.indexOf('\n', i);
    const line = nl < 0 ? text.slice(i) : text.slice(i, nl);
    if (line.trim() === '' && nl >= 0) {
      i = nl + 1;
      continue;
    }
    if (line.startsWith('From ') && !HEADER_LINE.test(line) && nl >= 0) {
      i = nl + 1;
      continue;
    }
    return text.slice(i);
  }
}

function firstRaw(node: MimeNode, name: string): string | undefined {
  const h = node.headers[name]?.[0];
  if (!h) return undefined;
  if (typeof h.initial === 'string') return h.initial;
  return typeof h.value === 'string' ? h.value : undefined;
}

function firstAddress(node: MimeNode, name: string): string | undefined {
  const v = node.headers[name]?.[0]?.value;
  if (Array.isArray(v)) {
    for (const a of v as Array<{ address?: unknown }>)
      if (typeof a?.address === 'string' && a.address.includes('@')) return a.address;
  }
  const raw = firstRaw(node, name);
  const m = raw ? /[^\s<>"'@]{1,64}@[A-Za-z0-9.-]{1,253}/.exec(raw) : null;
  return m ? m[0] : undefined;
}

/** The node's body: its raw lines after the header block. */
function bodyOf(node: MimeNode): string {
  if (node.header.length === 0) return node.raw;
  const idx = node.raw.indexOf('\n\n');
  return idx < 0 ? '' : node.raw.slice(idx + 2);
}

function decodeBody(node: MimeNode): string {
  const bytes = decodeTransfer(bodyOf(node), node.contentTransferEncoding?.value);
  return decodeCharset(bytes, charsetOf(firstRaw(node, 'content-type')));
}

/** From/Return-Path of a header block given as text (text/rfc822-headers, an unparsed attachment). */
function originalFromHeaderText(text: string): OriginalHeaders {
  const out: OriginalHeaders = {};
  const lines = text.split('\n', 400);
  for (const line of lines) {
    if (line.trim() === '') break;
    const m = /^(from|return-path)\s{0,3}:\s*(.{0,500})$/i.exec(line);
    if (!m) continue;
    const addr = /[^\s<>"'@:;,]{1,64}@[A-Za-z0-9.-]{1,253}/.exec(m[2])?.[0];
    if (!addr) continue;
    if (m[1].toLowerCase() === 'from') out.from ??= addr;
    else out.returnPath ??= addr;
  }
  return out;
}

function looksLikeMessage(headers: Record<string, string>): boolean {
  return (
    'content-type' in headers ||
    'mime-version' in headers ||
    'received' in headers ||
    'message-id' in headers ||
    ('from' in headers && ('subject' in headers || 'date' in headers || 'to' in headers))
  );
}

/** Parses a raw message. Returns undefined when the text is not a message or the parser gives up. */
export function extractMessage(text: string): ExtractedMessage | undefined {
  const binary = stripPreamble(normalizeLineEndings(toBinaryString(text)));
  if (!HEADER_LINE.test(binary)) return undefined;
  let root: MimeNode;
  try {
    root = parse(capMultiparts(binary.length > MIME_CAP ? binary.slice(0, MIME_CAP) : binary));
  } catch {
    return undefined; // e.g. more than the parser's node limit
  }
  const headers: Record<string, string> = {};
  for (const name of Object.keys(root.headers)) {
    // Plain headers: the parser's value has encoded words decoded; address headers: the raw value.
    const h = root.headers[name]?.[0];
    const v = typeof h?.value === 'string' ? h.value : firstRaw(root, name);
    if (v !== undefined) headers[name] = v;
  }
  if (!looksLikeMessage(headers)) return undefined;

  const out: ExtractedMessage = {
    headers,
    parts: [],
    original: {},
    feedbackReport: /feedback-report/i.test(headers['content-type'] ?? ''),
  };
  // Depth-first, document order, with explicit limits so 200 nested multiparts cannot blow the stack.
  const stack: Array<{ node: MimeNode; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0 && out.parts.length < MAX_PARTS) {
    const { node, depth } = stack.pop()!;
    const type = (node.contentType?.value || 'text/plain').toLowerCase();
    try {
      if (type.startsWith('multipart/')) {
        if (depth >= MAX_DEPTH) continue;
        for (let i = node.childNodes.length - 1; i >= 0; i -= 1)
          stack.push({ node: node.childNodes[i], depth: depth + 1 });
      } else if (type === 'message/rfc822' || type === 'message/global') {
        const inner = node.childNodes[0];
        if (inner && Object.keys(inner.headers).length > 0) {
          out.original.returnPath ??= firstAddress(inner, 'return-path');
          out.original.from ??= firstAddress(inner, 'from');
        } else {
          const o = originalFromHeaderText(decodeBody(node));
          out.original.returnPath ??= o.returnPath;
          out.original.from ??= o.from;
        }
      } else if (
        type === 'text/rfc822-headers' ||
        type === 'message/rfc822-headers' ||
        type === 'message/global-headers'
      ) {
        const o = originalFromHeaderText(decodeBody(node));
        out.original.returnPath ??= o.returnPath;
        out.original.from ??= o.from;
        out.parts.push({ kind: 'headers', text: decodeBody(node) });
      } else if (type === 'message/delivery-status' || type === 'message/global-delivery-status') {
        out.parts.push({ kind: 'delivery-status', text: decodeBody(node) });
      } else if (type === 'message/feedback-report') {
        out.feedbackReport = true;
      } else if (type === 'text/html') {
        out.parts.push({ kind: 'html', text: htmlToText(decodeBody(node)) });
      } else if (type.startsWith('text/')) {
        out.parts.push({ kind: 'text', text: decodeBody(node) });
      }
    } catch {
      // one undecodable part must not hide the others
    }
  }
  if (out.original.returnPath === '') delete out.original.returnPath;
  return out;
}
