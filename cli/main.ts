#!/usr/bin/env node
import { parseArgs } from 'node:util';

import { buildFacts, CAUSE_IDS, causeEntry, type CauseId, diagnose, mergeFacts } from '../engine/index';
import { type RenderedStep, renderFix } from '../engine/report/fix-steps';
import { redact } from '../engine/report/redact';
import { ticketText } from '../engine/report/ticket';
import { ERRORS, EXPLAIN_HEADINGS, PROGRAM, USAGE } from './cli-texts';
import { ansi, clean, formatVerdict } from './format-verdict';
import { liveFactsFor } from './live';
import { InputError, type NamedInput, readFileInput, readStdinInput } from './read-inputs';

class UsageError extends Error {}

function parseAnswers(values: string[]): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw new UsageError(ERRORS.answerFormat(v));
    answers[v.slice(0, i).trim()] = v.slice(i + 1);
  }
  return answers;
}

async function runDiagnose(args: string[], out: NodeJS.WritableStream): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        domain: { type: 'string' },
        answer: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        offline: { type: 'boolean' },
        'dns-server': { type: 'string', multiple: true },
        ticket: { type: 'boolean' },
        redact: { type: 'boolean' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const answers = parseAnswers(values.answer ?? []);
  const files = positionals.length ? positionals : ['-'];
  const inputs: NamedInput[] = [];
  for (const f of files) inputs.push(f === '-' ? await readStdinInput() : readFileInput(f));

  let facts = buildFacts(
    inputs.map((i) => i.bytes),
    { domain: values.domain, answers },
  );
  if (!values.offline && values.domain) {
    let live;
    try {
      live = await liveFactsFor(facts, values['dns-server']);
    } catch (e) {
      // Only a malformed DNS server address gets here: the checks themselves never throw.
      throw new UsageError(ERRORS.badDnsServer((e as Error).message));
    }
    facts = mergeFacts(facts, { live });
  }
  // Times in the verdict in this computer's time zone: the admin running the command line is here.
  const verdict = diagnose(facts, { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
  if (values.ticket) {
    out.write(ticketText(verdict, { time: new Date(), redact: values.redact === true }));
  } else if (values.redact) {
    // --redact without --ticket redacts whichever output was asked for.
    out.write(redact(values.json ? `${JSON.stringify(verdict, null, 2)}\n` : formatVerdict(verdict)));
  } else if (values.json) {
    out.write(`${JSON.stringify(verdict, null, 2)}\n`);
  } else {
    const color = (out as NodeJS.WriteStream).isTTY === true && !process.env.NO_COLOR;
    out.write(formatVerdict(verdict, color ? ansi : undefined));
  }
  return 0;
}

/** A step of "explain": its number and words, then the command indented (no shell line: a cause's reference page). */
function explainStep(lines: string[], s: RenderedStep): void {
  lines.push(`  ${s.number}. ${s.text}`);
  if (s.command) for (const l of s.command.text.split('\n')) lines.push(`     ${l}`);
}

function runExplain(args: string[], out: NodeJS.WritableStream): number {
  if (args[0] === '--list') {
    out.write(`${CAUSE_IDS.join('\n')}\n`);
    return 0;
  }
  const id = args[0];
  if (!id || !(CAUSE_IDS as readonly string[]).includes(id)) {
    throw new UsageError(id ? ERRORS.unknownCause(id) : ERRORS.explainNeedsId);
  }
  const entry = causeEntry(id as CauseId);
  // A cause's reference page: every command in full, as the old explain printed it.
  const fix = renderFix(entry.fix({}), { repeatCommands: true });
  const lines = [`${entry.id} (${entry.case}): ${entry.title}`, '', entry.explanation, '', EXPLAIN_HEADINGS.fix];
  for (const s of fix.steps) explainStep(lines, s);
  if (fix.clickPath) lines.push('', `${EXPLAIN_HEADINGS.clickPath} ${fix.clickPath}`);
  if (fix.verify.length) {
    lines.push('', EXPLAIN_HEADINGS.verify);
    for (const s of fix.verify) explainStep(lines, s);
  }
  lines.push('', EXPLAIN_HEADINGS.sources, ...entry.sources.map((d) => `  ${d.title}: ${d.url}`));
  out.write(`${lines.join('\n')}\n`);
  return 0;
}

export async function main(
  argv: string[],
  out: NodeJS.WritableStream = process.stdout,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      out.write(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'diagnose') return await runDiagnose(rest, out);
    if (command === 'explain') return runExplain(rest, out);
    throw new UsageError(ERRORS.unknownCommand(command));
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`${PROGRAM}: ${clean(e.message)}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      err.write(`${PROGRAM}: ${clean(e.message)}\n`);
      return 1;
    }
    err.write(`${PROGRAM}: ${ERRORS.internal((e as Error).name)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 1;
    },
  );
}
