import fs from 'node:fs';

import { looksBinary } from '../engine/index';
import { ERRORS, SIZE_WORDS, STDIN_NAME } from './cli-texts';

/** Largest input the CLI reads from one file or standard input. */
const MAX_INPUT_BYTES = 10 * 1024 * 1024;
/** Read size: a device or pipe that never ends (/dev/zero) is read at most MAX_INPUT_BYTES + one chunk. */
const CHUNK_BYTES = 64 * 1024;

export class InputError extends Error {}

export interface NamedInput {
  name: string;
  bytes: Uint8Array;
}

function check(name: string, bytes: Uint8Array): NamedInput {
  if (looksBinary(bytes)) throw new InputError(ERRORS.binary(name));
  return { name, bytes };
}

function tooLarge(path: string, what: string): InputError {
  return new InputError(ERRORS.tooLarge(path, what, MAX_INPUT_BYTES / 1048576));
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
    if (total > MAX_INPUT_BYTES) throw tooLarge(path, SIZE_WORDS.input);
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
    throw new InputError(code === 'ENOENT' ? ERRORS.noSuchFile(path) : ERRORS.cannotRead(path, code ?? 'error'));
  }
  if (stat.isDirectory()) throw new InputError(ERRORS.isDirectory(path));
  if (stat.size > MAX_INPUT_BYTES) throw tooLarge(path, SIZE_WORDS.megabytes(stat.size / 1048576));
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    return check(path, readBounded(fd, path));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(ERRORS.cannotRead(path, (e as NodeJS.ErrnoException).code ?? 'error'));
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
    if (size > MAX_INPUT_BYTES) throw new InputError(ERRORS.stdinTooLarge(MAX_INPUT_BYTES / 1048576));
    chunks.push(b);
  }
  return check(STDIN_NAME, Buffer.concat(chunks));
}
