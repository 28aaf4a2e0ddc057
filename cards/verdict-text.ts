import { FAMILY_TABLE } from '../engine/knowledge/families';
import {
  type RenderedCause,
  type RenderedNotChecked,
  type RenderedStep,
  renderSteps,
} from '../engine/report/fix-steps';
import type { Verdict } from '../engine/verdict';
import { CARD_BUDGET_CHARS } from './card-json';
import {
  CASE_WORDS,
  CERTAINTY_WORDS,
  HEADINGS,
  NO_CAUSE_YET,
  runIn,
  sameCommandAs,
  STATUS_WORDS,
  TEXT_CONTINUED,
  TEXT_CUT,
  textPartMarker,
} from './card-texts';
import { markdownSafe } from './safe-text';
import { wrapCommand } from './wrap-command';

// The verdict as chat messages. Commands stand in code fences (Teams shows them as copyable code), wrapped
// for the chat column at places where PowerShell continues the line. The text is split only between
// sections (the answer, what was read, each cause, what was not checked, notes), every message says
// "part n of m", and each message stays within the same 28 KB activity budget as a card.

/** Largest message text, counted as the JSON string it travels in (escapes included), like card budgets. */
const TEXT_MESSAGE_MAX_CHARS = CARD_BUDGET_CHARS;

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

/** The command of a step (or where it was already shown), as paragraphs. */
function commandParagraphs(step: RenderedStep): string[] {
  if (step.sameAs) return [sameCommandAs(step.sameAs)];
  if (!step.command) return [];
  return [...(step.command.shell ? [plain(runIn(step.command.shell))] : []), fence(wrapCommand(step.command.text))];
}

/** Paragraphs of one step: its words, the shell, and the command (or where it was already shown). */
function stepParagraphs(step: RenderedStep): string[] {
  const prefix = step.number === undefined ? '' : `${step.number}. `;
  return [`${prefix}${plain(step.text)}`, ...commandParagraphs(step)];
}

const bold = (s: string) => `**${s}**`;
const list = (items: string[]) => items.map((l) => `- ${plain(l)}`).join('\n');

function leadSection(verdict: Verdict, first: RenderedStep | undefined): string[] {
  const lead = verdict.lead;
  if (!lead) return [bold(plain(FAMILY_TABLE[verdict.family].words)), plain(verdict.headline)];
  const out = [bold(`${plain(CERTAINTY_WORDS[lead.certainty])}: ${plain(lead.answer)}`)];
  if (lead.because) out.push(plain(lead.because));
  if (first) out.push(bold(HEADINGS.doFirst), ...stepParagraphs(first));
  if (lead.looksRight?.length) out.push(bold(HEADINGS.looksRight), list(lead.looksRight));
  if (lead.unverified?.length) out.push(bold(HEADINGS.unverified), list(lead.unverified));
  return out;
}

function readSection(verdict: Verdict): string[] {
  const read = verdict.read ?? [];
  if (!read.length && !verdict.diagnostic) return [];
  const out = [bold(HEADINGS.read)];
  if (read.length) out.push(list(read));
  if (verdict.diagnostic) out.push(fence(verdict.diagnostic));
  return out;
}

function causeSection(fix: RenderedCause): string[] {
  const { cause, number } = fix;
  const out: string[] = [
    `${bold(`${number}. ${STATUS_WORDS[cause.status]}: ${plain(cause.title)}`)} (${plain(CASE_WORDS[cause.case] ?? cause.case)})`,
    plain(cause.explanation),
  ];
  if (cause.evidence.length > 0) {
    out.push(`${HEADINGS.evidence}:`);
    for (const e of cause.evidence) out.push(`${plain(e.label ?? e.source)}:`, fence(e.text));
  }
  if (fix.steps.length > 0) out.push(bold(HEADINGS.fix), ...fix.steps.flatMap(stepParagraphs));
  if (fix.clickPath) out.push(`${HEADINGS.clickPath}: ${plain(fix.clickPath)}`);
  if (fix.verify.length > 0) out.push(bold(HEADINGS.verify), ...fix.verify.flatMap(stepParagraphs));
  // Documentation links are the engine's own (Microsoft Learn), not user text.
  const docs = cause.fix.docs.filter((d) => /^https:\/\/\S+$/.test(d.url));
  if (docs.length) out.push(docs.map((d) => `- ${plain(d.title)}: ${d.url}`).join('\n'));
  return out;
}

function ruledOutSection(verdict: Verdict): string[] {
  const out = verdict.causes.filter((c) => c.status === 'ruled-out');
  if (!out.length) return [];
  return [
    bold(HEADINGS.ruledOut),
    out
      .map(
        (c) => `- ${plain(c.title)}${c.evidence[0] ? ` (${plain(c.evidence[0].label ?? c.evidence[0].source)})` : ''}`,
      )
      .join('\n'),
  ];
}

function notCheckedSection(items: RenderedNotChecked[]): string[] {
  if (!items.length) return [];
  // Topic and how escaped apart: each may start with a marker that only means something at a line start.
  return [
    bold(HEADINGS.notChecked),
    ...items.flatMap((n) => [`${n.number}. ${plain(n.topic)}. ${plain(n.how)}`, ...commandParagraphs(n)]),
  ];
}

/** The sections, in order; each is a list of paragraphs (plain text or one whole fence). */
function verdictSections(verdict: Verdict): string[][] {
  const steps = renderSteps(verdict);
  const sections: string[][] = [leadSection(verdict, steps.first), readSection(verdict)];
  if (verdict.causes.length === 0 && !verdict.lead) sections.push([NO_CAUSE_YET]);
  sections.push(...steps.causes.map(causeSection));
  sections.push(ruledOutSection(verdict), notCheckedSection(steps.notChecked));
  if (verdict.notes.length > 0) sections.push([bold(HEADINGS.notes), list(verdict.notes)]);
  return sections.filter((s) => s.length > 0);
}

const size = (s: string) => JSON.stringify(s).length;

/** A section too long for one message, cut between paragraphs (a fence is one paragraph, never cut). */
function splitSection(paragraphs: string[], max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const p of paragraphs) {
    const piece = size(p) > max ? `${p.slice(0, Math.floor(max / 2))}${TEXT_CUT}` : p;
    if (cur && size(`${cur}\n\n${piece}`) > max) {
      out.push(cur);
      cur = `${TEXT_CONTINUED}\n\n${piece}`;
    } else cur = cur ? `${cur}\n\n${piece}` : piece;
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
  return messages.map((m, i) => `*${textPartMarker(i + 1, messages.length)}*\n\n${m}`);
}
