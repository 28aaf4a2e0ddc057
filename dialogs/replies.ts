import { type AnswerProblem, type AnswerType, PASTE_HINT } from '../engine/index';
import type { Question } from '../engine/verdict';
import { MAX_REPORT_PARTS } from './session';

// Every sentence the Teams front end (dialogs/ and bot/) says to the user in words, grouped by situation.
// Cards carry their own texts (cards/); log lines are not user text and stay with their code. Templated
// sentences are small functions. No reply names an internal id (cause or question ids): the user reads the
// admin's words, and test/dialogs/replies.test.ts checks it.

// ─── Commands at any point (help, cancel, restart, example, show fix) ──────────────────────────────────

/** "No, keep going" on the "Start over?" card. */
export const CARRYING_ON = 'Carrying on with the current case.';
export const CANCELLED = 'Cancelled. Paste a new report whenever you like.';
export const STARTING_OVER = 'Starting over. Paste the non-delivery report.';
/** Before the example report is shown and diagnosed. */
export const EXAMPLE_INTRO = 'Here is an example report:';
/** Title of the verdict cards sent on "show fix". */
export const FIX_SO_FAR_TITLE = 'Fix so far';

// ─── What arrived is not something to diagnose ─────────────────────────────────────────────────────────

export const PLAIN_WORDS_REPLY =
  'I work from evidence rather than descriptions. Paste the bounce (the text under "Diagnostic information for administrators"), ' +
  'and I will ask for anything else I need. Say "example" to see how it works.';

export function notRecognizedReply(hint: string): string {
  return `I could not recognize that text. ${hint}`;
}

/** Nothing to diagnose yet: what was read (the engine's reading, else the inputs' labels) and what to paste next. */
export function nothingYetReply(read: readonly string[], labels: readonly string[]): string {
  const head =
    read.length > 0
      ? `I read: ${read.join(' ')}`
      : labels.length > 0
        ? `Noted: ${labels.join(', ')}.`
        : 'I have nothing to diagnose yet.';
  // PASTE_HINT itself begins "Paste the non-delivery report": say it once.
  return `${head} ${PASTE_HINT}`;
}

// ─── A report sent in parts ────────────────────────────────────────────────────────────────────────────

export function partReply(part: number): string {
  return `Got part ${part} of the report. Paste the rest, then say "done".`;
}

/** A report part refused by the limits (MAX_REPORT_PARTS, the report's characters): says what was not kept and what to do. */
export function partNotKeptReply(kept: number, reason: 'parts' | 'chars', maxChars: number): string {
  const limit =
    reason === 'parts'
      ? `a report can have at most ${MAX_REPORT_PARTS} parts`
      : `all parts together can hold at most ${maxChars} characters`;
  const next =
    kept > 0
      ? `I still have the ${kept} part${kept === 1 ? '' : 's'} before it: say "done" to diagnose them, or "cancel" to start over.`
      : 'Paste only the part under "Diagnostic information for administrators".';
  return `I did not keep that part: ${limit}. ${next}`;
}

/** Text that is no report part while parts are being collected. */
export const COLLECTING_PARTS =
  'I am collecting a report in parts. Paste the next part, or say "done" when it is complete.';
export const NOTHING_COLLECTED = 'There is nothing collected. Paste the report first.';
/** "done" typed while a question is open: it finishes a report in parts, it is no answer. */
export const DONE_WITH_OPEN_QUESTION =
  'There is no report being collected. Answer the question above, or paste the output it asks for.';

// ─── What was read ─────────────────────────────────────────────────────────────────────────────────────

/** The reply to a paste at a question: what was read from it. */
export function readItReply(read: string): string {
  return `Thanks, I read it: ${read}.`;
}

/** The reply naming what was read from each file (the engine's labels), or that nothing in it was recognized. */
export function filesReadReply(read: Array<{ name: string; label?: string }>): string {
  const byFile = new Map<string, string[]>();
  for (const r of read) byFile.set(r.name, [...(byFile.get(r.name) ?? []), ...(r.label ? [r.label] : [])]);
  const lines = [...byFile].map(([name, labels]) =>
    labels.length > 0
      ? `- ${name}: ${[...new Set(labels)].join(', ')}`
      : `- ${name}: nothing I recognize (no bounce or command output in it)`,
  );
  return `Read ${byFile.size === 1 ? 'your file' : `${byFile.size} files`}:\n${lines.join('\n')}`;
}

/** Told to the user when what was read did not all fit (dialogs/bound-facts.ts; the dialogs send it after saving). */
export const FACTS_TRIMMED =
  'That was more than I keep for one conversation: I kept the newest items and shortened very long values. ' +
  'What follows is based on what I kept; for a full picture, paste only the NDR and the output I ask for.';

// ─── An answer to a question that cannot be used: why, what is needed instead, and the way out ─────────

/** A card submitted with no answer picked or typed. */
export const PICK_AN_ANSWER_FIRST = 'Please pick one of the answers on the card.';
export const TYPE_AN_ANSWER_FIRST = 'Please type or paste an answer first.';

const WANTED: Record<AnswerType, string> = {
  domain: 'your domain name',
  'certificate-name': 'the certificate name, a host name or a wildcard',
  'certificate-names': 'the name on the certificate (a host name or a wildcard; several are fine, separated by commas)',
  ipv4: 'one public IPv4 address',
  'ip-list': 'the IPv4 addresses or ranges, separated by commas',
  'smart-host': 'the smart host\'s name or IP address (or "none" if the connector routes by DNS)',
  'connector-name': "the connector's name as Get-InboundConnector shows it",
};

/** Short quote of the piece that failed; typed text is clipped so a paste cannot flood the reply. */
function quoted(part: string | undefined): string {
  if (!part) return 'That';
  const flat = part.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}"`;
}

function why(problem: AnswerProblem, part: string | undefined): string {
  switch (problem) {
    case 'empty':
      return 'That answer was empty.';
    case 'too-long':
      return 'That is too long for an answer.';
    case 'yes-no':
      return 'This question needs a value, not yes or no.';
    case 'property-name':
      return `${quoted(part)} is the name of the setting; I need the value it holds.`;
    case 'command':
      return `${quoted(part)} is the command; run it and paste its output, or type the value it shows.`;
    case 'not-a-domain':
      return `${quoted(part)} is not a domain name.`;
    case 'not-a-certificate-name':
      return `${quoted(part)} is not a certificate name.`;
    case 'not-an-ipv4':
      return `${quoted(part)} is not an IPv4 address.`;
    case 'private-ipv4':
      return `${quoted(part)} is a private address, and Exchange Online sees your public one (the EOP endpoint's EHLO reply "Hello [address]" shows it).`;
    case 'ipv6':
      return `${quoted(part)} is an IPv6 address; inbound connectors are matched on IPv4 here.`;
    case 'not-an-ip-entry':
      return `${quoted(part)} is not an IPv4 address or range.`;
    case 'not-a-host':
      return `${quoted(part)} is not a host name or IPv4 address.`;
    case 'several-values':
      return 'That holds more than one value; I need one.';
    case 'not-a-connector-name':
      return 'That does not look like a connector name (one line, up to 64 characters).';
  }
}

/** Re-ask for a text question whose answer failed validation. */
export function textReask(question: Question, problem: AnswerProblem, part?: string): string {
  const wanted = question.answerType ? WANTED[question.answerType] : 'the answer';
  const example = question.placeholder ? ` (for example ${question.placeholder})` : '';
  return `${why(problem, part)} Type ${wanted}${example}, or say "skip".`;
}

/** Re-ask for a choice question whose typed answer matched no choice: the choices with their numbers. */
export function choiceReask(question: Question): string {
  const lines = (question.choices ?? []).map((c, i) => `${i + 1}. ${c.title}`);
  return ['I did not get that. Type the number or the words of one answer, or say "skip":', ...lines].join('\n');
}

/** With the buttons card: the re-ask was not enough. */
export function retryProblem(question: Question, problem?: AnswerProblem, part?: string): string {
  if (question.kind === 'choice') return 'I still could not match that to an answer. Pick one, or skip the question.';
  return problem ? textReask(question, problem, part) : 'Type the answer, or skip the question.';
}

/** After the buttons were offered, a further miss gets only this pointer. */
export const PICK_OR_SKIP = 'Pick one of the answers on the last card, or say "skip".';

// ─── A click on a question card that is not the open one (message submit; an Action.Execute gets a card) ─

export const ALREADY_ANSWERED = 'That question was already answered, so I did not run it again.';
/** A click on a question that was cancelled or belongs to an earlier case. */
export const QUESTION_NOT_OPEN =
  'That question is no longer open (it was cancelled or belongs to an earlier case), so nothing was recorded.';

// ─── Verdicts and ticket summaries ─────────────────────────────────────────────────────────────────────

/** "Show as plain text" on a verdict no longer kept (see MAX_KEPT_VERDICTS) or from before a restart. */
export const VERDICT_GONE =
  'That verdict is no longer available. Paste the report again, or say "show fix" for the current one.';

/** Before the ticket summary's code blocks. */
export function ticketIntro(redacted: boolean): string {
  return redacted ? 'Summary for a ticket, with addresses, IPs and names replaced:' : 'Summary for a ticket:';
}

// ─── Files shared with the bot (bot/files) ─────────────────────────────────────────────────────────────

export const SHARE_IN_CHANNEL =
  'I can only open files in our one-to-one chat. Here, paste the bounce as text, or use "Diagnose with Relay Doctor" ' +
  'from the message\'s "More actions" menu (…). To send the file itself, open a chat with me and attach it there.';

/** The name used in replies for a file Teams sent without one. */
export const UNNAMED_FILE = 'the file';

/** Why a file was not read (bot/files: the download's and the reader's reasons; a new reason must be worded here). */
export type FileProblem =
  | 'host-not-allowed'
  | 'not-https'
  | 'credentials'
  | 'bad-url'
  | 'redirect-elsewhere'
  | 'too-large'
  | 'timeout'
  | 'network'
  | 'http-error'
  | 'binary'
  | 'not-outlook-item'
  | 'empty';

/** The user's words for why a file was not read. */
export function fileProblem(name: string, problem: FileProblem): string {
  switch (problem) {
    case 'host-not-allowed':
    case 'not-https':
    case 'credentials':
    case 'bad-url':
    case 'redirect-elsewhere':
      return `I did not open ${name}: it does not come from your organization's OneDrive or SharePoint, so I do not download it. Paste its text instead.`;
    case 'too-large':
      return `I did not read ${name}: it is larger than I accept. Save only the bounce (or the command output) and send that.`;
    case 'timeout':
    case 'network':
    case 'http-error':
      return `I could not download ${name} just now. Send it again, or paste its text.`;
    case 'binary':
    case 'not-outlook-item':
      return `I cannot read ${name}: it is not an e-mail (.msg, .eml) or text (.txt, .log, .html, .json). Save the bounce from Outlook, or paste its text.`;
    case 'empty':
      return `${name} is empty.`;
  }
}

/** A file past the number read from one message. */
export function fileSkippedReply(maxFiles: number, name: string): string {
  return `I read only the first ${maxFiles} files; ${name} was skipped.`;
}

// ─── Card buttons: the invoke response Teams shows on the clicked card ─────────────────────────────────

/** A button whose work shows below the card (a verdict as text, a ticket, the next question). */
export const SEE_REPLY_BELOW = 'Done: see my reply below.';
/** A card button delivered twice: the first delivery did the work. */
export const CLICK_ALREADY_HANDLED = 'Already done: see my replies below.';
/** An Action.Execute that no card of this bot sends (an unknown verb, a forged shape). */
export const EXECUTE_NOT_SUPPORTED =
  'This button does not work here any more. Use the buttons on my latest card, or say "help".';
/** A card button whose input is over the paste limit (the too-long card follows). */
export const TOO_LONG_ACTION = 'That is more text than I can read in one go; see my reply below.';

/** A card click whose turn failed; the code is the one in the log. */
export function buttonFailedReply(code: string): string {
  return `Sorry, something went wrong with that button (code ${code}). Send your last message again, or say "help".`;
}

// ─── Limits, storage and expiry (bot/middleware) ───────────────────────────────────────────────────────

export const SLOW_DOWN_TEXT =
  'You are sending messages faster than I can read them. Please wait a minute, then send the next one.';

export const STATE_EXPIRED_MESSAGE =
  'It has been a while, so I closed the earlier diagnosis. Paste the report to start again.';

export const STORAGE_UNAVAILABLE_MESSAGE =
  "I can't save our conversation right now, so I did not take in your last message. " +
  'Please try again in a minute: everything before it is kept.';

export const STORAGE_CONFLICT_MESSAGE =
  'Two messages of this conversation arrived at the same moment and I could keep only one of them. ' +
  'Please send your last message (or click your answer) again.';

// ─── "Diagnose with Relay Doctor" on a message (bot/message-extension.ts) ──────────────────────────────

export const NO_BOUNCE_IN_MESSAGE = `I found no bounce or command output in that message. ${PASTE_HINT}`;
export const UNKNOWN_COMMAND = 'Relay Doctor does not know that action.';
export const MESSAGE_TOO_LONG =
  'That message is longer than I read at once. Open a chat with me and send the bounce as a file (.msg or .eml).';
