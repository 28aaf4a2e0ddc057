import type { Evidence } from '../verdict';
import type { CauseId, Status } from '../vocabulary';

/** How much a finding weighs: configuration and logs the admin pasted beat the NDR's hints, which beat answers. */
export type FindingSource = 'config' | 'live' | 'ndr' | 'answer';

export interface Finding {
  cause: CauseId;
  status: Status;
  source: FindingSource;
  evidence: Evidence[];
}

export function finding(cause: CauseId, status: Status, source: FindingSource, ...evidence: Evidence[]): Finding {
  return { cause, status, source, evidence };
}

export function ev(source: string, text: string): Evidence {
  return { source, text };
}
