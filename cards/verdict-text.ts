import type { CauseResult, Verdict } from '../engine/verdict';
import { CASE_WORDS, FAMILY_WORDS, STATUS_WORDS } from './family-words';
import { markdownSafe } from './safe-text';

// The verdict as chat messages with code fences, so commands can be copied on any client.
// Pasted text inside fences cannot become markdown; fence markers in it are defused.

/** Messages are split to stay within the same activity budget as cards. */
export const TEXT_MESSAGE_MAX_CHARS = 12000;

/** Longest text inside one fence; the whole verdict is split across messages, never inside a fence. */
const FENCE_MAX_CHARS = 4000;

function fence(body: string): string {
  const cut = body.length > FENCE_MAX_CHARS ? `${body.slice(0, FENCE_MAX_CHARS - 1)}…` : body;
  return ['```', cut.replace(/```/g, '`\u200B`\u200B`'), '```'].join('\n');
}

/** Text outside fences: escape markdown so pasted values stay literal. */
function plain(value: string): string {
  return markdownSafe(value, Number.MAX_SAFE_INTEGER);
}

/** A cause as paragraphs; each paragraph is plain text or one whole fence, so splitting keeps fences intact. */
function causeParagraphs(cause: CauseResult, index: number): string[] {
  const lines: string[] = [`**${index}. [${STATUS_WORDS[cause.status]}] ${plain(cause.title)}** (${plain(CASE_WORDS[cause.case] ?? cause.case)})`, plain(cause.explanation)];
  if (cause.evidence.length > 0) lines.push('Evidence:', fence(cause.evidence.map((e) => `${e.source}: ${e.text}`).join('\n')));
  if (cause.fix.steps.length > 0) {
    lines.push('Fix:');
    cause.fix.steps.forEach((s, i) => {
      lines.push(`${i + 1}. ${plain(s.text)}`);
      if (s.powershell) lines.push(fence(s.powershell));
    });
  }
  if (cause.fix.adminCenterPath.length > 0) lines.push(`Admin center: ${plain(cause.fix.adminCenterPath.join(' > '))}`);
  if (cause.fix.verify.length > 0) {
    lines.push('Verify:');
    cause.fix.verify.forEach((s, i) => {
      lines.push(`${i + 1}. ${plain(s.text)}`);
      if (s.powershell) lines.push(fence(s.powershell));
    });
  }
  // Documentation links are the engine's own (Microsoft Learn), not user text.
  for (const d of cause.fix.docs) if (/^https:\/\/\S+$/.test(d.url)) lines.push(`Docs: ${plain(d.title)}: ${d.url}`);
  return lines;
}

/** Plain-text rendering of a verdict, as one or more message texts. */
export function verdictToText(verdict: Verdict): string[] {
  const paragraphs: string[] = [
    `**Relay Doctor verdict:** ${plain(FAMILY_WORDS[verdict.family])}\n\n${plain(verdict.headline)}`,
  ];
  if (verdict.diagnostic) paragraphs.push(fence(verdict.diagnostic));
  if (verdict.causes.length === 0) paragraphs.push('No cause identified yet.');
  verdict.causes.forEach((c, i) => paragraphs.push(...causeParagraphs(c, i + 1)));
  if (verdict.notes.length > 0) paragraphs.push('Notes:', ...verdict.notes.map((n) => `- ${plain(n)}`));

  const messages: string[] = [];
  let current = '';
  for (const paragraph of paragraphs) {
    // Only plain paragraphs can be this long (fences are capped); cutting them cannot break a fence.
    const piece = paragraph.length > TEXT_MESSAGE_MAX_CHARS ? `${paragraph.slice(0, TEXT_MESSAGE_MAX_CHARS - 40)} …(cut)` : paragraph;
    if (current && current.length + piece.length + 2 > TEXT_MESSAGE_MAX_CHARS) {
      messages.push(current);
      current = '';
    }
    current = current ? `${current}\n\n${piece}` : piece;
  }
  if (current) messages.push(current);
  return messages;
}
