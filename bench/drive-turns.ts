import http from 'node:http';

// Sends turns n = from … to-1 to a bot, `concurrency` at a time, over kept-alive connections; resolves
// when every turn has been answered. Used to fill a bot with conversations before measuring it.

export interface DriveResult {
  turns: number;
  statuses: Record<number, number>;
}

export async function driveTurns(
  url: string,
  body: (n: number) => string,
  from: number,
  to: number,
  concurrency: number,
): Promise<DriveResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL('/api/messages', url);
  const statuses: Record<number, number> = {};
  let next = from;
  const post = (payload: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.setTimeout(30000, () => req.destroy(new Error('turn timed out')));
      req.on('error', reject);
      req.end(payload);
    });
  const worker = async () => {
    while (next < to) {
      const status = await post(body(next++));
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, to - from)) }, worker));
  } finally {
    agent.destroy();
  }
  return { turns: to - from, statuses };
}
