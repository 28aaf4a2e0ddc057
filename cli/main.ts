#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { buildFacts, CAUSE_IDS, causeEntry, diagnose, mergeFacts, type CauseId } from '../engine/index';

import { ansi, clean, formatVerdict } from './format-verdict';
import { InputError, readFileInput, readStdinInput, type NamedInput } from './read-inputs';
import { USAGE } from './usage';
import { liveFactsFor } from './live';
import { ticketText } from '../engine/report/ticket';
import { redact } from '../engine/report/redact';

class UsageError extends Error {}

function parseAnswers(values: string[]): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw new UsageError(`--answer needs ID=VALUE, got "${v}"`);
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

  let facts = buildFacts(inputs.map((i) => i.bytes), { domain: values.domain, answers });
  if (!values.offline && values.domain) {
    let live;
    try {
      live = await liveFactsFor(facts, values['dns-server']);
    } catch (e) {
      // Only a malformed DNS server address gets here: the checks themselves never throw.
      throw new UsageError(`bad DNS server: ${(e as Error).message}`);
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

function runExplain(args: string[], out: NodeJS.WritableStream): number {
  if (args[0] === '--list') {
    out.write(`${CAUSE_IDS.join('\n')}\n`);
    return 0;
  }
  const id = args[0];
  if (!id || !(CAUSE_IDS as readonly string[]).includes(id)) {
    throw new UsageError(id ? `unknown cause id "${id}" (see relay-doctor explain --list)` : 'explain needs a cause id');
  }
  const entry = causeEntry(id as CauseId);
  const fix = entry.fix({});
  const lines = [`${entry.id} (${entry.case}): ${entry.title}`, '', entry.explanation, '', 'Fix:'];
  fix.steps.forEach((s, i) => {
    lines.push(`  ${i + 1}. ${s.text}`);
    if (s.powershell) for (const l of s.powershell.split('\n')) lines.push(`     ${l}`);
  });
  if (fix.adminCenterPath.length) lines.push('', `Admin center: ${fix.adminCenterPath.join(' > ')}`);
  if (fix.verify.length) {
    lines.push('', 'Verify:');
    fix.verify.forEach((s, i) => {
      lines.push(`  ${i + 1}. ${s.text}`);
      if (s.powershell) for (const l of s.powershell.split('\n')) lines.push(`     ${l}`);
    });
  }
  lines.push('', 'Sources:', ...entry.sources.map((d) => `  ${d.title}: ${d.url}`));
  out.write(`${lines.join('\n')}\n`);
  return 0;
}

export async function main(argv: string[], out: NodeJS.WritableStream = process.stdout, err: NodeJS.WritableStream = process.stderr): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      out.write(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'diagnose') return await runDiagnose(rest, out);
    if (command === 'explain') return runExplain(rest, out);
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`relay-doctor: ${clean(e.message)}\n\n${USAGE}`);
      return 2;
    }
    if (e instanceof InputError) {
      err.write(`relay-doctor: ${clean(e.message)}\n`);
      return 1;
    }
    err.write(`relay-doctor: internal error (${(e as Error).name}). Please report it with the input that caused it.\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, () => { process.exitCode = 1; });
}
