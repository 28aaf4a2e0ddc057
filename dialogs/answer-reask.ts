import type { AnswerProblem, AnswerType } from '../engine/index';
import type { Question } from '../engine/verdict';

// What the bot says when a typed answer cannot be used: why, what it needs instead, and the way out.

const WANTED: Record<AnswerType, string> = {
  domain: 'your domain name',
  'certificate-name': 'the certificate name, a host name or a wildcard',
  'certificate-names': 'the name on the certificate (a host name or a wildcard; several are fine, separated by commas)',
  ipv4: 'one public IPv4 address',
  'ip-list': 'the IPv4 addresses or ranges, separated by commas',
  'smart-host': 'the smart host\'s name or IP address (or "none" if the connector routes by DNS)',
  'connector-name': 'the connector\'s name as Get-InboundConnector shows it',
};

/** Short quote of the piece that failed; typed text is clipped so a paste cannot flood the reply. */
function quoted(part: string | undefined): string {
  if (!part) return 'That';
  const flat = part.replace(/\s+/g, ' ').trim();
  return `"${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}"`;
}

function why(problem: AnswerProblem, part: string | undefined): string {
  switch (problem) {
    case 'empty': return 'That answer was empty.';
    case 'too-long': return 'That is too long for an answer.';
    case 'yes-no': return 'This question needs a value, not yes or no.';
    case 'property-name': return `${quoted(part)} is the name of the setting; I need the value it holds.`;
    case 'command': return `${quoted(part)} is the command; run it and paste its output, or type the value it shows.`;
    case 'not-a-domain': return `${quoted(part)} is not a domain name.`;
    case 'not-a-certificate-name': return `${quoted(part)} is not a certificate name.`;
    case 'not-an-ipv4': return `${quoted(part)} is not an IPv4 address.`;
    case 'private-ipv4': return `${quoted(part)} is a private address, and Exchange Online sees your public one (the EOP endpoint's EHLO reply "Hello [address]" shows it).`;
    case 'ipv6': return `${quoted(part)} is an IPv6 address; inbound connectors are matched on IPv4 here.`;
    case 'not-an-ip-entry': return `${quoted(part)} is not an IPv4 address or range.`;
    case 'not-a-host': return `${quoted(part)} is not a host name or IPv4 address.`;
    case 'several-values': return 'That holds more than one value; I need one.';
    case 'not-a-connector-name': return 'That does not look like a connector name (one line, up to 64 characters).';
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
