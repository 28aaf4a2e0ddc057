import type { IncomingMessage } from 'node:http';

import { parseJsonSafely } from './parse-json-safely';

// The request body of /api/messages is read here, not by a generic body parser, so that every limit is
// ours: JSON only (415), identity encoding only (415: no decompression bombs), size (413), well-formed
// JSON (400), nesting depth (400), no prototype keys.

export interface BodyLimits {
  maxBytes: number;
  maxDepth: number;
}

export type BodyRead =
  | { ok: true; body: unknown; bytes: number; droppedKeys: number }
  | { ok: false; status: 400 | 413 | 415; error: string; bytes: number };

/** `application/json`, optionally with a UTF-8 charset: what the Bot Connector sends. */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

/** A body this many times the limit is no longer drained politely: the connection is dropped. */
const DRAIN_FACTOR = 16;

/** Read and check the body; never throws, always settles (also when the client goes away). */
export function readJsonBody(req: IncomingMessage, limits: BodyLimits): Promise<BodyRead> {
  return new Promise((resolve) => {
    const refuse = (status: 400 | 413 | 415, error: string, bytes: number) =>
      resolve({ ok: false, status, error, bytes });
    const encoding = (req.headers['content-encoding'] ?? 'identity').toString().trim().toLowerCase();
    const unsupported = !isJsonContentType(req.headers['content-type'])
      ? 'content type must be application/json'
      : encoding !== 'identity'
        ? 'content encoding not supported'
        : undefined;
    const declared = Number(req.headers['content-length'] ?? NaN);
    let tooLarge = Number.isFinite(declared) && declared > limits.maxBytes;
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (result: () => void) => {
      if (settled) return;
      settled = true;
      result();
    };

    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > limits.maxBytes) tooLarge = true;
      if (tooLarge || unsupported) {
        chunks.length = 0;
        if (bytes > limits.maxBytes * DRAIN_FACTOR) {
          settle(() => refuse(413, 'body too large', bytes));
          req.destroy();
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', () => settle(() => refuse(400, 'request aborted', bytes)));
    req.on('close', () => settle(() => refuse(400, 'request aborted', bytes)));
    req.on('end', () =>
      settle(() => {
        if (unsupported) return refuse(415, unsupported, bytes);
        if (tooLarge) return refuse(413, 'body too large', bytes);
        if (bytes === 0) return refuse(400, 'empty body', bytes);
        const parsed = parseJsonSafely(Buffer.concat(chunks).toString('utf8'), limits.maxDepth);
        if (!parsed.ok)
          return refuse(400, parsed.error === 'too-deep' ? 'JSON nested too deeply' : 'body is not valid JSON', bytes);
        resolve({ ok: true, body: parsed.value, bytes, droppedKeys: parsed.droppedKeys });
      }),
    );
  });
}
