import type { Deadline } from './deadline';
import { type DnsFailure, dnsFailureOf } from './dns-port';

// One query under the overall budget, turned into data: records, or why there are none.

export type QueryResult<T> = { ok: true; value: T } | { ok: false; failure: DnsFailure; message: string };

export async function ask<T>(deadline: Deadline, work: () => Promise<T>): Promise<QueryResult<T>> {
  try {
    return { ok: true, value: await deadline.race(work) };
  } catch (err) {
    const failure = deadline.expired ? 'budget' : dnsFailureOf(err);
    return { ok: false, failure, message: err instanceof Error ? err.message : String(err) };
  }
}

const FAILURE_TEXT: Record<DnsFailure, string> = {
  nxdomain: 'the name does not exist (NXDOMAIN)',
  'no-data': 'the name exists but has no such record',
  timeout: 'the DNS server did not answer in time',
  servfail: 'the DNS server answered SERVFAIL',
  refused: 'the DNS server refused the query',
  budget: 'the time budget for live checks ran out',
  error: 'the DNS query failed',
};

export function failureText(f: DnsFailure): string {
  return FAILURE_TEXT[f];
}
