import type { StepPlace } from '../engine/report/fix-steps';

// Every sentence the command line prints (usage, errors, headings of the verdict), in one place; sentences
// with a value in them are small functions.

export const PROGRAM = 'relay-doctor';
export const STDIN_NAME = 'standard input';

export const USAGE = `relay-doctor: diagnose "Relay Access Denied" from on-premises Exchange through Exchange Online Protection

Usage:
  relay-doctor diagnose [FILE...|-] [--domain D] [--answer ID=VALUE...] [--json] [--offline] [--ticket] [--redact]
  relay-doctor explain CAUSE_ID
  relay-doctor --help

diagnose   Reads each FILE (or standard input with - or no FILE): an NDR (text, .eml, HTML), a queue
           LastError, message tracking lines, Get-SendConnector / Get-InboundConnector /
           Get-AcceptedDomain / Get-ExchangeCertificate output, or Send protocol log lines.
           All inputs are diagnosed together.
  --domain D        your organization's domain; runs live DNS checks (MX, smart host, SPF)
  --answer ID=VALUE answer one of the questions the verdict lists (repeatable)
  --json            print the whole verdict as JSON
  --offline         no live checks
  --dns-server S    DNS server for live checks (repeatable; default: the system's)
  --ticket          print a self-contained summary for a ticket (markdown): symptom, what was read,
                    cause and evidence, ruled out, not checked, fix, verify, time
  --redact          replace e-mail addresses, IPs, host/domain and certificate names with placeholders
                    (domain-1, host-2, 203.0.113.x), the same value always the same placeholder
explain    Prints a cause's explanation and fix steps (cause ids: relay-doctor explain --list).

Exit codes: 0 a verdict was produced, 1 an input could not be read, 2 bad usage.
`;

// ── Errors (stderr, after "relay-doctor: ") ─────────────────────────────────────────────────────────────

export const ERRORS = {
  answerFormat: (got: string) => `--answer needs ID=VALUE, got "${got}"`,
  badDnsServer: (why: string) => `bad DNS server: ${why}`,
  unknownCause: (id: string) => `unknown cause id "${id}" (see relay-doctor explain --list)`,
  explainNeedsId: 'explain needs a cause id',
  unknownCommand: (command: string) => `unknown command "${command}"`,
  internal: (name: string) => `internal error (${name}). Please report it with the input that caused it.`,
  binary: (name: string) =>
    `${name}: this looks like a binary file, not text. Save the NDR as text (.txt or .eml) and try again.`,
  tooLarge: (path: string, what: string, limitMb: number) =>
    `${path}: ${what} is more than the ${limitMb} MB limit. Paste only the NDR or the diagnostic part.`,
  stdinTooLarge: (limitMb: number) => `standard input: more than the ${limitMb} MB limit`,
  noSuchFile: (path: string) => `${path}: no such file`,
  cannotRead: (path: string, code: string) => `${path}: cannot read (${code})`,
  isDirectory: (path: string) => `${path}: is a directory`,
} as const;

/** What is too large, in the tooLarge error: the bytes read so far, or the file's size. */
export const SIZE_WORDS = { input: 'the input', megabytes: (mb: number) => `${mb.toFixed(1)} MB` } as const;

/** Where the live checks ran from, as the verdict's evidence names it. */
export const vantage = (host: string): string => `${PROGRAM} on ${host}`;

// ── The verdict in a terminal ─────────────────────────────────────────────────────────────────────────

export const CERTAINTY_WORDS: Record<string, string> = {
  confirmed: 'Found',
  likely: 'Most likely',
  open: 'Not pinned down yet',
  healthy: 'Looks right so far',
};

export const HEADINGS = {
  doFirst: 'Do this first',
  looksRight: 'What looks right',
  unverified: 'What could not be verified',
  family: 'Family:',
  reply: 'Reply:',
  whatIRead: 'What I read:',
  read: 'Read:',
  causes: 'Causes',
  fix: 'Fix:',
  clickPath: 'Admin center:',
  verify: 'Check that it worked:',
  docs: 'Docs:',
  ruledOut: 'Checked and ruled out',
  notChecked: 'Not checked: this verdict does not rest on',
  questions: 'To narrow it down, answer with --answer ID=VALUE or paste the command output:',
  notes: 'Notes',
  shownBy: 'shown by',
  orPaste: 'or paste:',
} as const;

export { runIn } from '../engine/index';

/** Where a command was shown first, as a later step names it. */
function stepPlaceWords(place: StepPlace): string {
  switch (place.section) {
    case 'first':
      return `"${HEADINGS.doFirst}"`;
    case 'fix':
      return `step ${place.step} of the fix of cause ${place.cause}`;
    case 'verify':
      return `check ${place.step} of cause ${place.cause}`;
    case 'not-checked':
      return `not-checked item ${place.item}`;
  }
}

export const sameCommandAs = (place: StepPlace): string => `(the same command as ${stepPlaceWords(place)})`;

// ── explain ───────────────────────────────────────────────────────────────────────────────────────────

export const EXPLAIN_HEADINGS = {
  fix: 'Fix:',
  clickPath: 'Admin center:',
  verify: 'Verify:',
  sources: 'Sources:',
} as const;
