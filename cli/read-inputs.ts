import fs from 'node:fs';
import { looksBinary } from '../engine/index';

/** Largest input the CLI reads from one file or standard input. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;
/** Read size: a device or pipe that never ends (/dev/zero) is read at most MAX_INPUT_BYTES + one chunk. */
const CHUNK_BYTES = 64 * 1024;

export class InputError extends Error {}

export interface NamedInput {
  name: string;
  bytes: Uint8Array;
}

function check(name: string, bytes: Uint8Array): NamedInput {
  if (looksBinary(bytes)) throw new InputError(`${name}: this looks like a binary file, not text. Save the NDR as text (.txt or .eml) and try again.`);
  return { name, bytes };
}

function tooLarge(path: string, what: string): InputError {
  return new InputError(`${path}: ${what} is more than the ${MAX_INPUT_BYTES / 1048576} MB limit. Paste only the NDR or the diagnostic part.`);
}

/**
 * Reads at most MAX_INPUT_BYTES from an open file in chunks. stat.size says nothing for devices, pipes
 * and files still growing, so the limit is enforced on the bytes actually read.
 */
function readBounded(fd: number, path: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    const n = fs.readSync(fd, chunk, 0, CHUNK_BYTES, null);
    if (n === 0) break;
    total += n;
    if (total > MAX_INPUT_BYTES) throw tooLarge(path, 'the input');
    chunks.push(n === CHUNK_BYTES ? chunk : chunk.subarray(0, n));
  }
  return Buffer.concat(chunks, total);
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
  if (stat.size > MAX_INPUT_BYTES) throw tooLarge(path, `${(stat.size / 1048576).toFixed(1)} MB`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    return check(path, readBounded(fd, path));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
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
