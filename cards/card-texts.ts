import type { StepPlace } from '../engine/report/fix-steps';
import type { Status } from '../engine/vocabulary';
import type { CaseInProgress } from './confirm-restart-card';

// Every sentence, label and button title the cards and the plain-text verdict show, in one place; sentences
// with a value in them are small functions. The family's words come from the engine's family table
// (FAMILY_TABLE[...].words); the words for statuses, certainties and cases are the views' own. The card
// templates (cards/templates/*.json) hold layout only: their fixed headings and buttons arrive as `texts`.

// ── Vocabulary ids in words (docs/knowledge.md#families and #causes) ─────────────────────────────────────

export const STATUS_WORDS: Record<Status, string> = {
  confirmed: 'Confirmed',
  likely: 'Likely',
  possible: 'Possible',
  'ruled-out': 'Ruled out',
};

/**
 * Container styles for the lead and the cause headings. Text inside stays in the Default color: the host
 * (Teams) picks a foreground for each container style that keeps contrast in its light, dark and
 * high-contrast themes, whereas colored text (Warning yellow on white) can fall below WCAG AA. The status is
 * always written out in words as well, so color never carries meaning alone. See docs/verdict-card.md.
 */
export const STATUS_STYLES: Record<Status, string> = {
  confirmed: 'attention',
  likely: 'warning',
  possible: 'emphasis',
  'ruled-out': 'default',
};

/** How sure the lead is, in words. */
export const CERTAINTY_WORDS: Record<'confirmed' | 'likely' | 'open' | 'healthy', string> = {
  confirmed: 'Found: proven by what you pasted',
  likely: 'Most likely',
  open: 'Not pinned down yet',
  healthy: 'Looks right so far',
};

export const CERTAINTY_STYLES: Record<'confirmed' | 'likely' | 'open' | 'healthy', string> = {
  confirmed: 'attention',
  likely: 'warning',
  open: 'emphasis',
  healthy: 'good',
};

export const CASE_WORDS: Record<string, string> = {
  case1: 'Case 1: your on-premises Send connector',
  case2: 'Case 2: the Exchange Online inbound connector and your accepted domains',
  other: 'Other',
};

// ── The verdict (card and plain text) ─────────────────────────────────────────────────────────────────

export const VERDICT_TITLE = 'Relay Doctor verdict';
export const verdictPartTitle = (title: string, part: number, parts: number): string =>
  `${title} (part ${part} of ${parts})`;
/** The line that starts each plain-text message when the verdict takes several. */
export const textPartMarker = (part: number, parts: number): string => `${VERDICT_TITLE}, part ${part} of ${parts}`;

export const HEADINGS = {
  doFirst: 'Do this first',
  looksRight: 'What looks right',
  unverified: 'What could not be verified',
  read: 'What I read',
  cause: 'The cause',
  causes: 'Causes, most likely first',
  ruledOut: 'Ruled out',
  fix: 'How to fix it',
  clickPath: 'Or click through the admin center',
  verify: 'Check that it worked',
  notChecked: 'Not checked: this verdict does not rest on',
  notes: 'Notes',
  stillOpen: 'Still open',
  evidence: 'What shows it',
} as const;

export const NO_CAUSE_YET = 'No cause identified yet.';
export const NO_CAUSE_YET_PASTE =
  'No cause identified yet. Paste the output of Get-SendConnector | Format-List (Exchange Management Shell) and Get-InboundConnector | Format-List (Exchange Online PowerShell) to narrow it down.';
export const OVERSIZE_PART = 'This part is too long for a card. Use "Show as plain text" to see it whole.';
export const moreCauses = (more: number): string =>
  `${more} more possible cause(s) are listed above. "Show as plain text" gives the fix steps for every cause.`;
export const TEXT_CONTINUED = '(continued)';
export const TEXT_CUT = ' …(cut; too long for one message)';

export { runIn } from '../engine/rules/command-shell';

/** Where a command was shown first, as a later step names it. */
function stepPlaceWords(place: StepPlace): string {
  switch (place.section) {
    case 'first':
      return `"${HEADINGS.doFirst}"`;
    case 'fix':
      return `step ${place.step} of "${HEADINGS.fix}" (cause ${place.cause})`;
    case 'verify':
      return `step ${place.step} of "${HEADINGS.verify}" (cause ${place.cause})`;
    case 'not-checked':
      return `"Not checked" item ${place.item}`;
  }
}

export const sameCommandAs = (place: StepPlace): string =>
  `Run the same command as shown under ${stepPlaceWords(place)}.`;

export const VERDICT_BUTTONS = { plainText: 'Show as plain text', startOver: 'Start over' } as const;

// ── "Copy for a ticket" ──────────────────────────────────────────────────────────────────────────────

export const TICKET_TEXTS = {
  button: 'Copy for a ticket',
  about:
    'A summary to paste into a ticket or change request: symptom, evidence, what was ruled out, the fix and how to verify it.',
  redact: 'Replace addresses, IPs and names (for a vendor or a public forum)',
  submit: 'Write the summary',
} as const;

// ── The message extension's dialog ───────────────────────────────────────────────────────────────────

export const DIALOG_TITLE = 'Relay Doctor';
export const DIALOG_TEXTS = {
  verdictTitle: 'Relay Doctor: diagnosis of this message',
  moreInChat: 'The full verdict, with every fix step, is in the chat with me.',
  continueHint: 'Continue in our chat to answer my questions, copy a ticket summary, or add command output.',
  continueButton: 'Continue in chat with Relay Doctor',
} as const;

// ── Questions ─────────────────────────────────────────────────────────────────────────────────────────

export const QUESTION_TEXTS = {
  answerLabel: 'Your answer',
  pasteLabel: 'Paste the output',
  pickOne: 'Pick one answer.',
  typeOrPaste: 'Type or paste an answer.',
  pastePlaceholder: 'Paste the output here',
  answerButton: 'Answer',
  sendButton: 'Send',
  skipped: 'Skipped (not sure)',
  answered: 'Answered: ',
  onlineShell: 'Exchange Online PowerShell',
  onPremisesShell: 'the Exchange Management Shell on your Exchange server',
} as const;

/** The title of the button that passes on a question; its data carries `skip: true`. */
export const SKIP_TITLE = 'Skip (not sure)';

export const runThisIn = (shell: string): string => `Run this in ${shell} and paste the output:`;

export function typeHint(isChoice: boolean, hasCommand: boolean): string {
  const paste = hasCommand ? ' or paste the output of the command above' : '';
  return isChoice
    ? `You can also type the answer in your own words or its number${paste}; say "skip" if you do not know.`
    : `You can also type the answer here${paste}; say "skip" if you do not know.`;
}

export const moreLines = (firstLine: string, more: number): string => `${firstLine} (+${more} more lines)`;

/** Why a question card was closed without an answer, or why a click on an old one changed nothing. */
export const CLOSED_QUESTION_TEXTS = {
  cancel: { label: 'Cancelled: ', text: 'you said "cancel", so nothing was recorded for this question.' },
  restart: { label: 'Cancelled: ', text: 'you started over, so nothing was recorded for this question.' },
  'new-case': { label: 'Closed: ', text: 'a new report started a new case.' },
  example: { label: 'Closed: ', text: 'the example started a new case.' },
  moved: { label: 'Asked again below. ', text: 'Answer it there.' },
  answered: { label: 'Already answered: ', text: 'this question was answered before, so this click changed nothing.' },
  unknown: {
    label: 'No longer open: ',
    text: 'this question was cancelled or belongs to an earlier case, so nothing was recorded.',
  },
} as const;

/** The card an old question card's button gets back. */
export const STALE_QUESTION_TEXTS = {
  title: 'This question is closed',
  hint: 'Answer the open question further down the chat, or say "help".',
} as const;

// ── Start over, errors, too long ─────────────────────────────────────────────────────────────────────

export function confirmRestartDetail(p: CaseInProgress): string {
  const parts: string[] = [];
  if (p.answers > 0) parts.push(p.answers === 1 ? 'one answer so far' : `${p.answers} answers so far`);
  if (p.questionOpen) parts.push('a question is open');
  if (p.collectingParts) parts.push('a report sent in parts is being collected');
  const progress = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `A case is in progress${progress}. Starting over drops it. The button you clicked belongs to an earlier verdict.`;
}

export const ERROR_TEXTS = {
  sorry: 'Sorry, something went wrong on my side.',
  advice: 'Please try again. If it keeps happening, start over and paste the report again.',
  startOver: 'Start over',
} as const;
export const errorCode = (code: string): string => `Error code: ${code}`;

export const CONFIRM_RESTART_TEXTS = { title: 'Start over?', yes: 'Yes, start over', no: 'No, keep going' } as const;

export const TOO_LONG_TEXTS = {
  title: 'That paste is too long for me',
  trimHeading: 'How to trim it:',
  help: 'Help',
} as const;

export const TRIM_TIPS: readonly string[] = [
  '1. For a bounce, paste only the part under "Diagnostic information for administrators", down to the first header line.',
  '2. For connector output, ask for one connector: Get-SendConnector "Name" | Format-List, Get-InboundConnector "Name" | Format-List.',
  '3. Or send the report in parts and say "done" at the end.',
];

export const tooLongSize = (chars: string, limit: string): string =>
  `It has ${chars} characters; I read up to ${limit} per message.`;

// ── Welcome and help ─────────────────────────────────────────────────────────────────────────────────

/** What the welcome card says one can paste, and the command that produces it. */
export const PASTE_SOURCES: ReadonlyArray<{ what: string; how: string }> = [
  {
    what: 'The non-delivery report: the whole text under "Diagnostic information for administrators" (or the message source).',
    how: 'Outlook: open the NDR, copy everything',
  },
  { what: 'A queue error from the Exchange Management Shell.', how: 'Get-Queue | Format-List Identity,LastError' },
  {
    what: 'Your Internet Send connector (on-premises Exchange Management Shell).',
    how: 'Get-SendConnector | Format-List',
  },
  {
    what: 'Your inbound connectors and accepted domains (Exchange Online PowerShell).',
    how: 'Get-InboundConnector | Format-List\nGet-AcceptedDomain | Format-List',
  },
];

/** Headings and buttons the welcome and help cards share. */
const PASTE_AND_TRY = { pasteHeading: 'What to paste', example: 'Try an example', help: 'Help' } as const;

export const WELCOME_TEXTS = {
  ...PASTE_AND_TRY,
  title: 'Relay Doctor',
  intro:
    'I diagnose "Relay Access Denied" bounces (550 5.7.64, ATTR36, #550 5.4.1 and friends) from on-premises ' +
    'Exchange sending through Exchange Online Protection. Paste the bounce and I will tell you which connector ' +
    'or certificate setting is wrong, ask only what I still need, and give you the fix with PowerShell.',
  commands:
    'Say "help" at any time, "show fix" for the fix so far, "cancel" to stop or "restart" to start over. ' +
    'If a report is too long for one message, send it in parts and say "done" at the end.',
} as const;

/** What can be typed at any time, and what it does. */
export const HELP_COMMANDS: ReadonlyArray<{ say: string; does: string }> = [
  { say: 'show fix', does: ': the fix so far, from what you have given me.' },
  { say: 'skip', does: ': pass on a question you cannot answer; I work without it.' },
  { say: 'cancel', does: ': stop the current case (what you pasted is dropped).' },
  { say: 'restart', does: ': start over with a new report.' },
  { say: 'done', does: ': after a report you sent in several parts.' },
  { say: 'example', does: ': run a sample bounce to see how it works.' },
];

export const HELP_TEXTS = {
  ...PASTE_AND_TRY,
  sayHeading: 'What you can say',
  title: 'How I can help',
  intro:
    'Paste a "Relay Access Denied" bounce from your on-premises Exchange (or the output of the commands below). ' +
    'I work out which connector or certificate setting makes Exchange Online Protection refuse to relay, ' +
    'ask only what I still need (answer by clicking, or type the answer or its number), and give you the fix.',
} as const;
