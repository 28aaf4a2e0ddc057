import { checkDownloadUrl, type HostRule } from './allowed-hosts';

export interface DownloadLimits {
  hosts: readonly HostRule[];
  maxBytes: number;
  timeoutMs: number;
}

export type DownloadResult =
  | { ok: true; bytes: Uint8Array }
  | {
      ok: false;
      reason:
        | 'host-not-allowed'
        | 'not-https'
        | 'bad-url'
        | 'credentials'
        | 'redirect-elsewhere'
        | 'too-large'
        | 'timeout'
        | 'http-error'
        | 'network';
    };

const MAX_REDIRECTS = 3;

/**
 * Downloads one attached file. Every URL (the first and each redirect) must pass the host check, and a
 * redirect may not leave the host it came from; the body is cut off at maxBytes and the whole download at
 * timeoutMs. Never throws.
 */
export async function downloadFile(rawUrl: string, limits: DownloadLimits): Promise<DownloadResult> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let check = checkDownloadUrl(rawUrl, limits.hosts);
  if (!check.ok) return { ok: false, reason: check.reason };
  const firstHost = check.url.host;
  try {
    for (let hop = 0; ; hop += 1) {
      const res = await fetch(check.url, { redirect: 'manual', signal, headers: { accept: '*/*' } });
      if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
        await res.body?.cancel();
        if (hop >= MAX_REDIRECTS) return { ok: false, reason: 'redirect-elsewhere' };
        check = checkDownloadUrl(new URL(res.headers.get('location')!, check.url).href, limits.hosts);
        if (!check.ok || check.url.host !== firstHost) return { ok: false, reason: 'redirect-elsewhere' };
        continue;
      }
      if (!res.ok || !res.body) {
        await res.body?.cancel();
        return { ok: false, reason: 'http-error' };
      }
      const declared = Number(res.headers.get('content-length') ?? 'NaN');
      if (declared > limits.maxBytes) {
        await res.body.cancel();
        return { ok: false, reason: 'too-large' };
      }
      return await readLimited(res.body, limits.maxBytes);
    }
  } catch (e) {
    const name = (e as Error).name;
    return { ok: false, reason: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
  }
}

async function readLimited(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<DownloadResult> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false, reason: 'too-large' };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks) };
}
