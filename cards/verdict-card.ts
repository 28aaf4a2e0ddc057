import { FAMILY_TABLE } from '../engine/knowledge/families';
import { type RenderedCause, type RenderedStep, renderSteps } from '../engine/report/fix-steps';
import type { Evidence, Lead, Verdict } from '../engine/verdict';
import { CARD_BUDGET_CHARS, type CardElement, type CardJson } from './card-json';
import {
  CASE_WORDS,
  CERTAINTY_STYLES,
  CERTAINTY_WORDS,
  HEADINGS,
  moreCauses,
  NO_CAUSE_YET_PASTE,
  OVERSIZE_PART,
  runIn,
  sameCommandAs,
  STATUS_STYLES,
  STATUS_WORDS,
  VERDICT_BUTTONS,
  VERDICT_TITLE,
  verdictPartTitle,
} from './card-texts';
import { executeAction } from './execute-action';
import { clip, markdownSafe, noTextFunctions, verbatimBlock } from './safe-text';
import { expandTemplate } from './template';
import stepTemplate from './templates/fix-step.json';
import shellTemplate from './templates/verdict.json';
import causeTemplate from './templates/verdict-cause.json';
import { ticketAction } from './ticket-action';
import { wrapCommand } from './wrap-command';

/** Monospace characters that fit Teams' card column. */
export const CARD_COMMAND_WIDTH = 56;

export const RESTART_VERB = 'restart';
export const PLAIN_TEXT_VERB = 'plain-text';

/** Machine-readable summary carried in the verdict card's action data (tests and telemetry read it). */
interface VerdictSummaryData {
  family: Verdict['family'];
  causes: string[];
  statuses: string[];
}

const MAX_DOC_LINKS = 5;
const MAX_EVIDENCE = 6;

function summaryData(verdict: Verdict): VerdictSummaryData {
  return {
    family: verdict.family,
    causes: verdict.causes.map((c) => c.id),
    statuses: verdict.causes.map((c) => c.status),
  };
}

function text(value: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

function bullets(lines: string[], max = 600): CardElement[] {
  return lines.map((l) => text(`• ${markdownSafe(l, max)}`, { spacing: 'Small' }));
}

/** A step of the one step rendering as a card element: its number, words, shell and command (or where it was shown). */
function stepElement(step: RenderedStep): CardElement {
  const { command, sameAs } = step;
  return expandTemplate<CardElement>(stepTemplate, {
    number: step.number === undefined ? '→' : `${step.number}.`,
    text: markdownSafe(step.text, 800),
    hasShell: Boolean(command?.shell),
    shell: command?.shell ? markdownSafe(runIn(command.shell)) : '',
    hasPowershell: Boolean(command),
    // Wrapped where PowerShell continues the line, so the card's column never breaks a token.
    powershell: noTextFunctions(clip(wrapCommand(command?.text ?? '', CARD_COMMAND_WIDTH), 2000)),
    hasRef: Boolean(sameAs),
    ref: sameAs ? markdownSafe(sameCommandAs(sameAs)) : '',
  });
}

function heading(value: string): CardElement {
  return text(value, { weight: 'Bolder', spacing: 'Medium' });
}

function stepsBlock(title: string, steps: RenderedStep[]): CardElement[] {
  return [heading(title), ...steps.map(stepElement)];
}

function leadBlock(verdict: Verdict, lead: Lead, first: RenderedStep | undefined): CardElement[] {
  const items: CardElement[] = [
    text(CERTAINTY_WORDS[lead.certainty], { weight: 'Bolder', size: 'Small' }),
    text(markdownSafe(lead.answer, 500), { weight: 'Bolder', size: 'Medium' }),
  ];
  if (lead.because) items.push(text(markdownSafe(lead.because, 500)));
  const block: CardElement[] = [{ type: 'Container', style: CERTAINTY_STYLES[lead.certainty], bleed: false, items }];
  if (first) block.push(heading(HEADINGS.doFirst), stepElement(first));
  if (lead.looksRight?.length) block.push(heading(HEADINGS.looksRight), ...bullets(lead.looksRight));
  if (lead.unverified?.length) block.push(heading(HEADINGS.unverified), ...bullets(lead.unverified));
  if (verdict.family !== 'not-an-ndr')
    block.push(text(markdownSafe(FAMILY_TABLE[verdict.family].words), { size: 'Small', spacing: 'Medium' }));
  return block;
}

function headlineBlock(verdict: Verdict): CardElement[] {
  return [
    text(markdownSafe(FAMILY_TABLE[verdict.family].words), { weight: 'Bolder', size: 'Medium' }),
    text(markdownSafe(verdict.headline)),
  ];
}

function readBlock(verdict: Verdict): CardElement[] {
  const read = verdict.read ?? [];
  if (read.length === 0 && !verdict.diagnostic) return [];
  const block: CardElement[] = [heading(HEADINGS.read), ...bullets(read)];
  if (verdict.diagnostic) block.push(verbatimBlock(verdict.diagnostic, { monospace: true, max: 600 }));
  return block;
}

function overviewBlock(verdict: Verdict): CardElement[] {
  const open = verdict.causes.filter((c) => c.status !== 'ruled-out');
  const out = verdict.causes.filter((c) => c.status === 'ruled-out');
  const block: CardElement[] = [];
  if (open.length > 0) {
    block.push(heading(open.length === 1 ? HEADINGS.cause : HEADINGS.causes));
    block.push(
      ...open.map((c) => text(`${STATUS_WORDS[c.status]}: ${markdownSafe(c.title, 200)}`, { spacing: 'Small' })),
    );
  } else if (!verdict.lead) {
    block.push(text(NO_CAUSE_YET_PASTE));
  }
  if (out.length > 0) {
    block.push(heading(HEADINGS.ruledOut));
    block.push(
      ...out.map((c) => {
        const by = c.evidence[0]?.label ?? c.evidence[0]?.source;
        return text(`${markdownSafe(c.title, 200)}${by ? ` (${markdownSafe(by, 160)})` : ''}`, { spacing: 'Small' });
      }),
    );
  }
  return block;
}

/** Evidence as a label in words above the exact line, full width: nothing is clipped at a column edge. */
function evidenceItems(evidence: Evidence[]): CardElement[] {
  return evidence
    .slice(0, MAX_EVIDENCE)
    .flatMap((e) => [
      text(markdownSafe(`${e.label ?? e.source}:`, 200), { size: 'Small', spacing: 'Small' }),
      verbatimBlock(e.text, { monospace: true, max: 400 }),
    ]);
}

/** One cause as blocks that are never split: its heading and evidence, the fix, the admin center path, the check, the links. */
function causeBlocks(fix: RenderedCause): CardElement[][] {
  const { cause } = fix;
  const blocks: CardElement[][] = [
    [
      expandTemplate<CardElement>(causeTemplate, {
        style: STATUS_STYLES[cause.status],
        badge: STATUS_WORDS[cause.status],
        title: markdownSafe(cause.title, 200),
        caseTitle: markdownSafe(CASE_WORDS[cause.case] ?? cause.case),
        explanation: markdownSafe(cause.explanation, 1200),
        texts: HEADINGS,
        hasEvidence: cause.evidence.length > 0,
        evidence: evidenceItems(cause.evidence),
      }),
    ],
  ];
  if (fix.steps.length > 0) blocks.push(stepsBlock(HEADINGS.fix, fix.steps));
  if (fix.clickPath) blocks.push([heading(HEADINGS.clickPath), text(markdownSafe(fix.clickPath, 600))]);
  if (fix.verify.length > 0) blocks.push(stepsBlock(HEADINGS.verify, fix.verify));
  const links = cause.fix.docs.filter((d) => /^https:\/\/[^\s"<>]+$/.test(d.url)).slice(0, MAX_DOC_LINKS);
  if (links.length > 0) {
    blocks.push([
      {
        type: 'ActionSet',
        actions: links.map((d) => ({ type: 'Action.OpenUrl', title: clip(d.title, 80), url: d.url })),
      },
    ]);
  }
  return blocks;
}

function notCheckedBlock(items: RenderedStep[]): CardElement[] {
  return items.length === 0 ? [] : stepsBlock(HEADINGS.notChecked, items);
}

function noteBlocks(verdict: Verdict): CardElement[][] {
  if (verdict.notes.length === 0) return [];
  return [[heading(HEADINGS.notes), ...bullets(verdict.notes)]];
}

function openQuestionBlocks(verdict: Verdict): CardElement[][] {
  if (verdict.questions.length === 0) return [];
  return [
    [
      heading(HEADINGS.stillOpen),
      ...bullets(
        verdict.questions.slice(0, 6).map((q) => q.prompt),
        300,
      ),
    ],
  ];
}

function shell(title: string, body: CardElement[], actions: CardElement[]): CardJson {
  return expandTemplate(shellTemplate, { title, body, actions });
}

/** `verdictId` names the verdict so "Show as plain text" renders this card's facts, not the latest ones. */
function verdictActions(verdict: Verdict, verdictId?: string): CardElement[] {
  const data = verdictId ? { ...summaryData(verdict), verdictId } : summaryData(verdict);
  return [
    executeAction(VERDICT_BUTTONS.plainText, { verb: PLAIN_TEXT_VERB, ...data }),
    ticketAction(data),
    executeAction(VERDICT_BUTTONS.startOver, { verb: RESTART_VERB, ...data }),
  ];
}

const OVERSIZE_NOTE: CardElement[] = [text(OVERSIZE_PART)];

/** Possible causes shown in full when nothing is confirmed or likely; the rest stay one line in the summary. */
export const MAX_DETAILED_POSSIBLE = 2;

/**
 * Causes shown with evidence and fix steps: the confirmed and likely ones, or, when there are none, the
 * first possible ones. A card per possible cause would bury the answer (and cost the turn); every cause's
 * fix stays one click away in the plain-text view.
 */
export function detailedCauses(verdict: Verdict): Verdict['causes'] {
  const open = verdict.causes.filter((c) => c.status !== 'ruled-out');
  const strong = open.filter((c) => c.status === 'confirmed' || c.status === 'likely');
  return strong.length > 0 ? strong : open.slice(0, MAX_DETAILED_POSSIBLE);
}

function moreCausesBlocks(verdict: Verdict, shown: number): CardElement[][] {
  const open = verdict.causes.filter((c) => c.status !== 'ruled-out').length;
  if (open <= shown) return [];
  return [[text(moreCauses(open - shown), { spacing: 'Medium' })]];
}

/** Split a block that alone exceeds a card: by its elements, never leaving a heading at the end of a part. */
function splitOversize(block: CardElement[], limit: number): CardElement[][] {
  const parts: CardElement[][] = [];
  let part: CardElement[] = [];
  let used = 0;
  for (const el of block) {
    const size = JSON.stringify(el).length;
    if (size > limit) {
      if (part.length) parts.push(part);
      parts.push(OVERSIZE_NOTE);
      part = [];
      used = 0;
      continue;
    }
    if (part.length > 0 && used + size > limit) {
      // A heading left alone at the end goes along with what it heads.
      const last = part[part.length - 1];
      const carry =
        last.type === 'TextBlock' && last.weight === 'Bolder' && part.length > 1 ? [part.pop() as CardElement] : [];
      parts.push(part);
      part = carry;
      used = carry.length ? JSON.stringify(carry[0]).length : 0;
    }
    part.push(el);
    used += size;
  }
  if (part.length) parts.push(part);
  return parts;
}

/**
 * The verdict as one or more cards, each within the activity budget. The first lines answer: what is wrong
 * in the admin's terms and the one step to do first; then what was read, the causes, the details of the
 * causes of detailedCauses() (heading and evidence, fix, admin center path, check, links: each kept whole on
 * one card), and what was not checked. The last card carries "Show as plain text" and "Start over", whose
 * data holds the family, the cause ids and `options.verdictId` when given.
 */
export function buildVerdictCards(verdict: Verdict, options: { title?: string; verdictId?: string } = {}): CardJson[] {
  const title = options.title ?? VERDICT_TITLE;
  const shown = detailedCauses(verdict);
  const steps = renderSteps(verdict, shown);
  const blocks: CardElement[][] = [
    verdict.lead ? leadBlock(verdict, verdict.lead, steps.first) : headlineBlock(verdict),
    readBlock(verdict),
    overviewBlock(verdict),
    ...openQuestionBlocks(verdict),
    ...steps.causes.flatMap(causeBlocks),
    ...moreCausesBlocks(verdict, shown.length),
    notCheckedBlock(steps.notChecked),
    ...noteBlocks(verdict),
  ].filter((b) => b.length > 0);
  const actions = verdictActions(verdict, options.verdictId);
  // Reserve room for the longest title and the actions so packing never has to undo a card.
  const reserve = JSON.stringify(shell(verdictPartTitle(title, 99, 99), [], actions)).length;
  const limit = CARD_BUDGET_CHARS - reserve;

  const pages: CardElement[][] = [];
  let page: CardElement[] = [];
  let used = 0;
  for (const raw of blocks) {
    const size = JSON.stringify(raw).length;
    for (const block of size > limit ? splitOversize(raw, limit) : [raw]) {
      const blockSize = JSON.stringify(block).length;
      if (page.length > 0 && used + blockSize > limit) {
        pages.push(page);
        page = [];
        used = 0;
      }
      page.push(...block);
      used += blockSize;
    }
  }
  if (page.length > 0) pages.push(page);

  return pages.map((body, i) => {
    const pageTitle = pages.length === 1 ? title : verdictPartTitle(title, i + 1, pages.length);
    return shell(pageTitle, body, i === pages.length - 1 ? actions : []);
  });
}
