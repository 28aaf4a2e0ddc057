import fs from 'node:fs';
import { looksBinary } from '../engine/index';

/** Largest input the CLI reads from one file or standard input. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export class InputError extends Error {}

export interface NamedInput {
  name: string;
  bytes: Uint8Array;
}

function check(name: string, bytes: Uint8Array): NamedInput {
  if (looksBinary(bytes)) throw new InputError(`${name}: this looks like a binary file, not text. Save the NDR as text (.txt or .eml) and try again.`);
  return { name, bytes };
}

export function readFileInput(path: string): NamedInput {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? 'error'})`);
  }
  if (stat.isDirectory()) throw new InputError(`${path}: is a directory`);
  if (stat.size > MAX_INPUT_BYTES) {
    throw new InputError(`${path}: ${(stat.size / 1048576).toFixed(1)} MB is more than the ${MAX_INPUT_BYTES / 1048576} MB limit. Paste only the NDR or the diagnostic part.`);
  }
  try {
    return check(path, fs.readFileSync(path));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

export async function readStdinInput(stream: NodeJS.ReadableStream = process.stdin): Promise<NamedInput> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > MAX_INPUT_BYTES) throw new InputError(`standard input: more than the ${MAX_INPUT_BYTES / 1048576} MB limit`);
    chunks.push(b);
  }
  return check('standard input', Buffer.concat(chunks));
}
