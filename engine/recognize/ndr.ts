import type { NdrFacts } from '../facts';
import { type ExtractedMessage, extractMessage } from '../mime/extract-message';
import { htmlToText, looksLikeHtml } from '../mime/html-to-text';
import { normalizeLineEndings } from '../mime/line-endings';
import { buildNdrFacts } from './ndr/build-facts';
import { isCodeLessBounce, telltaleLine } from './ndr/code-less-bounce';
import { NdrScanner } from './ndr/scan-text';
import { codesOf } from './ndr/smtp-reply';

// Text (a pasted NDR, a raw .eml, a queue error, a tracking line, a bare SMTP reply) → the delivery
// failures it reports. Synchronous, never throws, linear in the input: MIME is parsed by emailjs-mime-parser
// (first 512 KB), every scanned line is capped, and a text that MIME parsing cannot read is scanned as is.

const AUTO_REPLY_SUBJECT =
  /^\s{0,4}(automatic reply|automatische antwort|auto(?:matic)?[- ]?reply|autoreply|auto:|out of office|abwesenheitsnotiz|réponse automatique|respuesta automática|risposta automatica|自動応答)/i;

/** Auto-replies and abuse/complaint reports are not delivery failures, whatever codes they quote. */
function isNotABounce(msg: ExtractedMessage): boolean {
  if (msg.feedbackReport) return true;
  const h = msg.headers;
  const hasDsn =
    msg.parts.some((p) => p.kind === 'delivery-status') || /delivery-status/i.test(h['content-type'] ?? '');
  if (hasDsn) return false;
  if (/^\s{0,4}complaint about message from/i.test(h.subject ?? '')) return true;
  if ('x-autoreply' in h || 'x-autorespond' in h || /auto_reply/i.test(h.precedence ?? '')) return true;
  return AUTO_REPLY_SUBJECT.test(h.subject ?? '');
}

function scanRaw(text: string): NdrScanner {
  const scanner = new NdrScanner();
  const norm = normalizeLineEndings(text);
  if (looksLikeHtml(norm)) scanner.scan({ kind: 'html', text: htmlToText(norm) });
  else scanner.scan({ kind: 'text', text: norm });
  return scanner;
}

/** The recognizer without the safety net: tests fuzz this one, so a parser bug fails them. */
export function recognizeNdrUnguarded(text: string): NdrFacts[] {
  if (text.trim() === '') return [];
  text = normalizeLineEndings(text);
  const msg = extractMessage(text);
  if (msg && isNotABounce(msg)) return [];
  let scanner: NdrScanner | undefined;
  if (msg && msg.parts.length > 0) {
    scanner = new NdrScanner();
    for (const part of msg.parts) scanner.scan(part);
  }
  if (!scanner || scanner.result.candidates.length === 0) scanner = scanRaw(text);
  if (scanner.result.feedbackReport) return [];
  if (scanner.result.candidates.length === 0 && scanner.result.weak.length > 0)
    scanner.result.candidates.push(...scanner.result.weak.slice(0, 1));
  if (scanner.result.candidates.length === 0) addCodeLessFailure(scanner, text, msg);
  return buildNdrFacts(scanner.result, msg);
}

/** A delivery report without an SMTP reply is still one failure: its most telling line becomes the diagnostic. */
function addCodeLessFailure(scanner: NdrScanner, text: string, msg: ExtractedMessage | undefined): void {
  const norm = text.replace(/\r\n?/g, '\n');
  const readable =
    msg && msg.parts.length > 0
      ? msg.parts.map((p) => (p.kind === 'html' ? htmlToText(p.text) : p.text)).join('\n')
      : looksLikeHtml(norm)
        ? htmlToText(norm)
        : norm;
  if (!isCodeLessBounce(`${norm.slice(0, 20_000)}\n${readable}`, msg)) return;
  const line = telltaleLine(readable) ?? msg?.headers.subject?.trim() ?? 'delivery failure';
  const codes = codesOf(line);
  scanner.result.candidates.push({
    order: 0,
    layout: 'other',
    reply: line,
    replyCode: codes.replyCode,
    enhancedStatus: codes.enhancedStatus,
    exchangeStyle: false,
    recipients: [],
    timestamps: [],
    evidence: [line],
  });
}

/** The delivery failures a text reports, most telling first; [] when it reports none. Never throws. */
export function recognizeNdr(text: string): NdrFacts[] {
  try {
    return typeof text === 'string' ? recognizeNdrUnguarded(text) : [];
  } catch {
    return [];
  }
}
