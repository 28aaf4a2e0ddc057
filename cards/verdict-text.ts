import type { CauseResult, FixStep, Verdict } from '../engine/verdict';
import { SHELL_WORDS } from '../engine/rules/command-shell';
import { CARD_BUDGET_CHARS } from './card-json';
import { CASE_WORDS, CERTAINTY_WORDS, FAMILY_WORDS, STATUS_WORDS } from './family-words';
import { markdownSafe } from './safe-text';
import { CommandRefs } from './command-refs';
import { wrapCommand } from './wrap-command';

// The verdict as chat messages. Commands stand in code fences (Teams shows them as copyable code), wrapped
// for the chat column at places where PowerShell continues the line. The text is split only between
// sections (the answer, what was read, each cause, what was not checked, notes), every message says
// "part n of m", and each message stays within the same 28 KB activity budget as a card.

/** Largest message text, counted as the JSON string it travels in (escapes included), like card budgets. */
export const TEXT_MESSAGE_MAX_CHARS = CARD_BUDGET_CHARS;

/** Room kept for the "part n of m" line. */
const MARKER_RESERVE = 60;

/** Longest text inside one fence; a section that is still too long is split between its paragraphs. */
const FENCE_MAX_CHARS = 4000;

function fence(body: string): string {
  const cut = body.length > FENCE_MAX_CHARS ? `${body.slice(0, FENCE_MAX_CHARS - 1)}…` : body;
  return ['```', cut.replace(/```/g, '`\u200B`\u200B`'), '```'].join('\n');
}

/** Text outside fences: escape markdown so pasted values stay literal. */
function plain(value: string): string {
  return markdownSafe(value, Number.MAX_SAFE_INTEGER);
}

/** Paragraphs of one step: its words, the shell, and the command (or where it was already shown). */
function stepParagraphs(step: FixStep, prefix: string, refs: CommandRefs, where: string): string[] {
  const out = [`${prefix}${plain(step.text)}`];
  if (!step.powershell) return out;
  const ref = refs.shownAt(step.powershell, where);
  if (ref) return [...out, `Run the same command as shown under ${ref}.`];
  if (step.shell) out.push(`In ${plain(SHELL_WORDS[step.shell])}:`);
  out.push(fence(wrapCommand(step.powershell)));
  return out;
}

function leadSection(verdict: Verdict, refs: CommandRefs): string[] {
  const lead = verdict.lead;
  if (!lead) return [`**${plain(FAMILY_WORDS[verdict.family])}**`, plain(verdict.headline)];
  const out = [`**${plain(CERTAINTY_WORDS[lead.certainty])}: ${plain(lead.answer)}**`];
  if (lead.because) out.push(plain(lead.because));
  if (lead.first) out.push('**Do this first**', ...stepParagraphs(lead.first, '', refs, '"Do this first"'));
  if (lead.looksRight?.length) out.push('**What looks right**', lead.looksRight.map((l) => `- ${plain(l)}`).join('\n'));
  if (lead.unverified?.length) out.push('**What could not be verified**', lead.unverified.map((l) => `- ${plain(l)}`).join('\n'));
  return out;
}

function readSection(verdict: Verdict): string[] {
  const read = verdict.read ?? [];
  if (!read.length && !verdict.diagnostic) return [];
  const out = ['**What I read**'];
  if (read.length) out.push(read.map((r) => `- ${plain(r)}`).join('\n'));
  if (verdict.diagnostic) out.push(fence(verdict.diagnostic));
  return out;
}

function causeSection(cause: CauseResult, index: number, refs: CommandRefs): string[] {
  const out: string[] = [`**${index}. ${STATUS_WORDS[cause.status]}: ${plain(cause.title)}** (${plain(CASE_WORDS[cause.case] ?? cause.case)})`, plain(cause.explanation)];
  if (cause.evidence.length > 0) {
    out.push('What shows it:');
    for (const e of cause.evidence) out.push(`${plain(e.label ?? e.source)}:`, fence(e.text));
  }
  if (cause.fix.steps.length > 0) {
    out.push('**How to fix it**');
    cause.fix.steps.forEach((s, i) => out.push(...stepParagraphs(s, `${i + 1}. `, refs, `step ${i + 1} of "How to fix it" (cause ${index})`)));
  }
  if (cause.fix.adminCenterPath.length > 0) out.push(`Or click through the admin center: ${plain(cause.fix.adminCenterPath.join(' > '))}`);
  if (cause.fix.verify.length > 0) {
    out.push('**Check that it worked**');
    cause.fix.verify.forEach((s, i) => out.push(...stepParagraphs(s, `${i + 1}. `, refs, `step ${i + 1} of "Check that it worked" (cause ${index})`)));
  }
  // Documentation links are the engine's own (Microsoft Learn), not user text.
  const docs = cause.fix.docs.filter((d) => /^https:\/\/\S+$/.test(d.url));
  if (docs.length) out.push(docs.map((d) => `- ${plain(d.title)}: ${d.url}`).join('\n'));
  return out;
}

function ruledOutSection(verdict: Verdict): string[] {
  const out = verdict.causes.filter((c) => c.status === 'ruled-out');
  if (!out.length) return [];
  return ['**Ruled out**', out.map((c) => `- ${plain(c.title)}${c.evidence[0] ? ` (${plain(c.evidence[0].label ?? c.evidence[0].source)})` : ''}`).join('\n')];
}

function notCheckedSection(verdict: Verdict, refs: CommandRefs): string[] {
  const items = verdict.notChecked ?? [];
  if (!items.length) return [];
  const out = ['**Not checked: this verdict does not rest on**'];
  items.forEach((n, i) => {
    out.push(`${i + 1}. ${plain(n.topic)}. ${plain(n.how)}`);
    if (n.check?.powershell) out.push(...stepParagraphs(n.check, '', refs, `"Not checked" item ${i + 1}`).slice(1));
  });
  return out;
}

/** The sections, in order; each is a list of paragraphs (plain text or one whole fence). */
export function verdictSections(verdict: Verdict): string[][] {
  const refs = new CommandRefs();
  const sections: string[][] = [leadSection(verdict, refs), readSection(verdict)];
  if (verdict.causes.length === 0 && !verdict.lead) sections.push(['No cause identified yet.']);
  verdict.causes.filter((c) => c.status !== 'ruled-out').forEach((c, i) => sections.push(causeSection(c, i + 1, refs)));
  sections.push(ruledOutSection(verdict), notCheckedSection(verdict, refs));
  if (verdict.notes.length > 0) sections.push(['**Notes**', verdict.notes.map((n) => `- ${plain(n)}`).join('\n')]);
  return sections.filter((s) => s.length > 0);
}

const size = (s: string) => JSON.stringify(s).length;

/** A section too long for one message, cut between paragraphs (a fence is one paragraph, never cut). */
function splitSection(paragraphs: string[], max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const p of paragraphs) {
    const piece = size(p) > max ? `${p.slice(0, Math.floor(max / 2))} …(cut; too long for one message)` : p;
    if (cur && size(`${cur}\n\n${piece}`) > max) { out.push(cur); cur = `(continued)\n\n${piece}`; } else cur = cur ? `${cur}\n\n${piece}` : piece;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * Plain-text rendering of a verdict, as one or more message texts. Messages break only between sections
 * (a section longer than a whole message breaks between its paragraphs); with more than one message each
 * starts with "Relay Doctor verdict, part n of m".
 */
export function verdictToText(verdict: Verdict): string[] {
  const max = TEXT_MESSAGE_MAX_CHARS - MARKER_RESERVE;
  const messages: string[] = [];
  let current = '';
  for (const section of verdictSections(verdict)) {
    const text = section.join('\n\n');
    const pieces = size(text) > max ? splitSection(section, max) : [text];
    for (const piece of pieces) {
      if (current && size(`${current}\n\n${piece}`) > max) {
        messages.push(current);
        current = '';
      }
      current = current ? `${current}\n\n${piece}` : piece;
    }
  }
  if (current) messages.push(current);
  if (messages.length === 1) return messages;
  return messages.map((m, i) => `*Relay Doctor verdict, part ${i + 1} of ${messages.length}*\n\n${m}`);
}
