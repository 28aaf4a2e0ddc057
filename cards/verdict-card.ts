import type { CauseResult, FixStep, Verdict } from '../engine/verdict';
import shellTemplate from './templates/verdict.json';
import causeTemplate from './templates/verdict-cause.json';
import stepTemplate from './templates/fix-step.json';
import { CARD_BUDGET_CHARS, type CardElement, type CardJson } from './card-json';
import { CASE_WORDS, FAMILY_WORDS, STATUS_COLORS, STATUS_WORDS } from './family-words';
import { ticketAction } from './ticket-action';
import { clip, markdownSafe, noTextFunctions, verbatimBlock } from './safe-text';
import { expandTemplate } from './template';

export const RESTART_VERB = 'restart';
export const PLAIN_TEXT_VERB = 'plain-text';

/** Machine-readable summary carried in the verdict card's action data (tests and telemetry read it). */
export interface VerdictSummaryData {
  family: Verdict['family'];
  causes: string[];
  statuses: string[];
}

const EVIDENCE_PER_FACTSET = 4;
const MAX_DOC_LINKS = 5;

function summaryData(verdict: Verdict): VerdictSummaryData {
  return { family: verdict.family, causes: verdict.causes.map((c) => c.id), statuses: verdict.causes.map((c) => c.status) };
}

function text(value: string, extra: CardElement = {}): CardElement {
  return { type: 'TextBlock', text: value, wrap: true, ...extra };
}

function summaryBlock(verdict: Verdict): CardElement[] {
  const block: CardElement[] = [
    text(markdownSafe(FAMILY_WORDS[verdict.family]), { weight: 'Bolder', color: verdict.family === 'not-an-ndr' ? 'Default' : 'Attention' }),
    text(markdownSafe(verdict.headline)),
  ];
  if (verdict.diagnostic) block.push(verbatimBlock(verdict.diagnostic, { monospace: true, max: 600 }));
  if (verdict.causes.length > 0) {
    block.push(text('Causes, most likely first', { weight: 'Bolder', spacing: 'Medium' }));
    for (const cause of verdict.causes) {
      block.push({
        type: 'ColumnSet',
        spacing: 'Small',
        columns: [
          { type: 'Column', width: 'auto', items: [text(STATUS_WORDS[cause.status], { color: STATUS_COLORS[cause.status], weight: 'Bolder', size: 'Small' })] },
          { type: 'Column', width: 'stretch', items: [text(markdownSafe(cause.title, 200), { size: 'Small' })] },
        ],
      });
    }
  } else {
    block.push(text('No cause identified yet. Paste the output of Get-SendConnector | Format-List (on-premises) and Get-InboundConnector | Format-List (Exchange Online) to narrow it down.', { isSubtle: true }));
  }
  return block;
}

function evidenceFacts(cause: CauseResult): Array<{ title: string; value: string }> {
  return cause.evidence.map((e) => ({ title: markdownSafe(e.source, 80), value: markdownSafe(e.text, 400) }));
}

function stepBlocks(steps: FixStep[]): CardElement[][] {
  return steps.map((step, i) => [
    expandTemplate<CardElement>(stepTemplate, {
      number: i + 1,
      text: markdownSafe(step.text, 800),
      hasPowershell: Boolean(step.powershell),
      powershell: noTextFunctions(clip(step.powershell ?? '', 2000)),
    }),
  ]);
}

function causeBlocks(cause: CauseResult): CardElement[][] {
  const facts = evidenceFacts(cause);
  const blocks: CardElement[][] = [[
    expandTemplate<CardElement>(causeTemplate, {
      badge: STATUS_WORDS[cause.status],
      color: STATUS_COLORS[cause.status],
      title: markdownSafe(cause.title, 200),
      caseTitle: markdownSafe(CASE_WORDS[cause.case] ?? cause.case),
      explanation: markdownSafe(cause.explanation, 1200),
      hasEvidence: facts.length > 0,
      evidence: facts.slice(0, EVIDENCE_PER_FACTSET),
    }),
  ]];
  for (let i = EVIDENCE_PER_FACTSET; i < facts.length; i += EVIDENCE_PER_FACTSET) {
    blocks.push([{ type: 'FactSet', facts: facts.slice(i, i + EVIDENCE_PER_FACTSET) }]);
  }
  const { fix } = cause;
  if (fix.steps.length > 0) {
    blocks.push([text('How to fix it', { weight: 'Bolder', spacing: 'Medium' })]);
    blocks.push(...stepBlocks(fix.steps));
  }
  if (fix.adminCenterPath.length > 0) {
    blocks.push([
      text('In the admin center', { weight: 'Bolder', spacing: 'Medium' }),
      text(markdownSafe(fix.adminCenterPath.join(' > '), 600)),
    ]);
  }
  if (fix.verify.length > 0) {
    blocks.push([text('Check that it worked', { weight: 'Bolder', spacing: 'Medium' })]);
    blocks.push(...stepBlocks(fix.verify));
  }
  const links = fix.docs.filter((d) => /^https:\/\/[^\s"<>]+$/.test(d.url)).slice(0, MAX_DOC_LINKS);
  if (links.length > 0) {
    blocks.push([{
      type: 'ActionSet',
      actions: links.map((d) => ({ type: 'Action.OpenUrl', title: clip(d.title, 80), url: d.url })),
    }]);
  }
  return blocks;
}

function noteBlocks(verdict: Verdict): CardElement[][] {
  if (verdict.notes.length === 0) return [];
  return [[text('Notes', { weight: 'Bolder', spacing: 'Medium' }), ...verdict.notes.map((n) => text(markdownSafe(n, 600), { isSubtle: true }))]];
}

function openQuestionBlocks(verdict: Verdict): CardElement[][] {
  if (verdict.questions.length === 0) return [];
  return [[
    text('Still open', { weight: 'Bolder', spacing: 'Medium' }),
    ...verdict.questions.slice(0, 6).map((q) => text(markdownSafe(q.prompt, 300), { isSubtle: true })),
  ]];
}

function shell(title: string, body: CardElement[], actions: CardElement[]): CardJson {
  return expandTemplate(shellTemplate, { title, body, actions });
}

/** `verdictId` names the verdict so "Show as plain text" renders this card's facts, not the latest ones. */
function verdictActions(verdict: Verdict, verdictId?: string): CardElement[] {
  const data = verdictId ? { ...summaryData(verdict), verdictId } : summaryData(verdict);
  return [
    { type: 'Action.Submit', title: 'Show as plain text', data: { verb: PLAIN_TEXT_VERB, ...data } },
    ticketAction(data),
    { type: 'Action.Submit', title: 'Start over', data: { verb: RESTART_VERB, ...data } },
  ];
}

const OVERSIZE_NOTE: CardElement[] = [text('This part is too long for a card. Use "Show as plain text" to see it whole.', { isSubtle: true })];

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
  return [[text(`${open - shown} more possible cause(s) are listed above. "Show as plain text" gives the fix steps for every cause.`, { isSubtle: true, spacing: 'Medium' })]];
}

/**
 * The verdict as one or more cards, each within the activity budget: a summary, then the causes of
 * detailedCauses() with their evidence and numbered fix steps. The last card carries "Show as plain text"
 * and "Start over", whose data holds the family, the cause ids and `options.verdictId` when given.
 */
export function buildVerdictCards(verdict: Verdict, options: { title?: string; verdictId?: string } = {}): CardJson[] {
  const title = options.title ?? 'Relay Doctor verdict';
  const blocks: CardElement[][] = [
    summaryBlock(verdict),
    ...noteBlocks(verdict),
    ...openQuestionBlocks(verdict),
    ...detailedCauses(verdict).flatMap(causeBlocks),
    ...moreCausesBlocks(verdict, detailedCauses(verdict).length),
  ];
  const actions = verdictActions(verdict, options.verdictId);
  // Reserve room for the longest title and the actions so packing never has to undo a card.
  const reserve = JSON.stringify(shell(`${title} (part 99 of 99)`, [], actions)).length;
  const limit = CARD_BUDGET_CHARS - reserve;

  const pages: CardElement[][] = [];
  let page: CardElement[] = [];
  let used = 0;
  for (const raw of blocks) {
    const size = JSON.stringify(raw).length;
    const block = size > limit ? OVERSIZE_NOTE : raw;
    const blockSize = size > limit ? JSON.stringify(OVERSIZE_NOTE).length : size;
    if (page.length > 0 && used + blockSize > limit) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(...block);
    used += blockSize;
  }
  if (page.length > 0) pages.push(page);

  return pages.map((body, i) => {
    const pageTitle = pages.length === 1 ? title : `${title} (part ${i + 1} of ${pages.length})`;
    return shell(pageTitle, body, i === pages.length - 1 ? actions : []);
  });
}
