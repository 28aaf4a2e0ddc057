import autocannon from 'autocannon';

// One load run: `connections` clients, each sending a fresh turn as soon as its last one was answered.

export interface LoadOptions {
  url: string;
  connections: number;
  /** Run for this long … */
  durationSec?: number;
  /** … or until this many turns were answered (warm-up). */
  amount?: number;
  body: (n: number) => string;
}

export interface LoadResult {
  requests: number;
  durationSec: number;
  throughputPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    pipelining: 1,
    ...(o.amount !== undefined ? { amount: o.amount } : { duration: o.durationSec }),
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/messages',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: o.body(n++) }),
      },
    ],
  });
  return {
    requests: result.requests.total,
    durationSec: result.duration,
    throughputPerSec: result.requests.total / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}
