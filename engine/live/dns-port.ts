// The only door from the engine to the network: callers (cli/, bot/, tests) inject an implementation.
// Implementations reject with an Error whose `code` is one of Node's dns error codes (ENOTFOUND,
// ENODATA, ETIMEOUT, ESERVFAIL, EREFUSED, ECANCELLED, ...), so checks can tell "does not exist"
// from "could not ask".

export interface MxRecord {
  exchange: string;
  priority: number;
}

export interface DnsPort {
  resolveMx(name: string): Promise<MxRecord[]>;
  /** Each TXT record as its character-strings (join them to read the record). */
  resolveTxt(name: string): Promise<string[][]>;
  resolve4(name: string): Promise<string[]>;
  /** Optional: AAAA, tried when a host has no A record. */
  resolve6?(name: string): Promise<string[]>;
  /** Optional: abandon outstanding queries (called when the overall budget runs out). */
  cancel?(): void;
  /** Optional: which resolver answers, for the vantage text (e.g. "DNS servers 10.0.0.53"). */
  readonly label?: string;
}

/** How a single query ended when it did not return records. */
export type DnsFailure = 'nxdomain' | 'no-data' | 'timeout' | 'servfail' | 'refused' | 'budget' | 'error';

const CODE_TO_FAILURE: Record<string, DnsFailure> = {
  ENOTFOUND: 'nxdomain',
  ENODATA: 'no-data',
  ETIMEOUT: 'timeout',
  ESERVFAIL: 'servfail',
  EREFUSED: 'refused',
  ECONNREFUSED: 'refused',
  ECANCELLED: 'budget',
};

export function dnsFailureOf(err: unknown): DnsFailure {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  return CODE_TO_FAILURE[code] ?? 'error';
}

/** Failures that say nothing about the name: the check could not be made. */
export type CouldNotCheckFailure = Exclude<DnsFailure, 'nxdomain' | 'no-data'>;

export function isCouldNotCheck(f: DnsFailure): f is CouldNotCheckFailure {
  return f !== 'nxdomain' && f !== 'no-data';
}
