// Words the conversation understands anywhere, and light heuristics for what a message is.

/** `keep-going` comes only from the "Start over?" card's button. */
export type Command =
  'help' | 'cancel' | 'restart' | 'show-fix' | 'done' | 'plain-text' | 'example' | 'keep-going' | 'ticket';

const COMMANDS: ReadonlyArray<[Command, RegExp]> = [
  ['help', /^(help|\?|what can you do|how does this work)$/],
  ['cancel', /^(cancel|stop|quit|exit|never ?mind|abort)$/],
  ['restart', /^(restart|start over|reset|new diagnosis|start again)$/],
  ['show-fix', /^(show( me)?( the)? fix( so far)?|fix so far|show( the)? verdict|status|summary)$/],
  ['done', /^(done|that'?s all|that is all|complete|finished|end)$/],
  ['plain-text', /^(plain text|show as plain text|as text)$/],
  ['example', /^(example|try an example|show me an example|demo)$/],
  ['ticket', /^((copy )?for a ticket|ticket|ticket summary|make a ticket)( redact(ed)?)?$/],
];

/** A command typed in words; only short messages count, so a paste is never taken for a command. */
export function commandOf(text: string): Command | undefined {
  const normalized = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ');
  if (normalized.length === 0 || normalized.length > 40) return undefined;
  return COMMANDS.find(([, pattern]) => pattern.test(normalized))?.[0];
}

const QUESTION_START =
  /^(what|why|how|can|could|does|do|is|are|where|which|who|when|should|will|hi|hello|hey|good (morning|afternoon|evening)|thanks|thank you)\b/i;

/** A question or greeting in plain words (one short line), rather than a paste. */
export function looksLikePlainWords(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 300 || t.includes('\n')) return false;
  return t.endsWith('?') || QUESTION_START.test(t);
}

const REPORT_MARKERS =
  /Delivery has failed|Diagnostic information for administrators|Generating server|Remote Server returned|Original message headers|rejected your message|gave this error|Reporting-MTA|Final-Recipient|Diagnostic-Code|Received: from|X-MS-Exchange|Return-Path:|Message-ID:|Your message (couldn't|could not|wasn't) (be )?delivered|Undeliverable/i;

/** Part of a longer report (headers, the human-readable top, the admin block) that came on its own. */
export function looksLikeReportFragment(text: string): boolean {
  return text.includes('\n') && REPORT_MARKERS.test(text);
}
