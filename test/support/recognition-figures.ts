import fs from 'node:fs';

import type { Family, NdrFacts } from '../../engine/index';

// Shared by the measures over real bounces and real pastes: reading our tab-separated tables, what a
// tenant-attribution reply is, and which families agree with a reason another parser gave.

/** Rows of a TSV whose first non-comment line is the header. */
export function readTable(file: string): Array<Record<string, string>> {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines[0].split('\t');
  return lines.slice(1).map((l) => {
    const cols = l.split('\t');
    return Object.fromEntries(header.map((h, i) => [h, cols[i] ?? '']));
  });
}

/** The replies that alone may put a text in `eop-relay-denied`: EOP's tenant-attribution refusals. */
export function hasTenantAttributionReply(ndr: NdrFacts | undefined): boolean {
  if (!ndr) return false;
  const text = `${ndr.diagnostic ?? ''} ${ndr.attr ?? ''}`;
  if (
    /TenantAttribution|TenantInboundAttribution|\bATTR\d{1,2}\b|\b5\.7\.(?:64|51|68)\b|unauthorized message over IPv6/i.test(
      text,
    )
  )
    return true;
  // `550 5.4.1 Relay Access Denied` and `5.71 … Relay access denied` (FOPE) are EOP's older forms of the same refusal.
  return (
    /relay access denied/i.test(text) && /\b5\.(?:4\.1|71|7\.[01])\b/.test(text) && ndr.rejectedBy !== 'generating'
  );
}

const RELAY: Family[] = ['eop-relay-denied', 'onprem-relay-denied', 'other-relay-denied'];
const NOT_RELAY: Family[] = [
  'other-failure',
  'connection-failure',
  'eop-sender-blocked',
  'eop-recipient-rejected',
  'tls-failure',
  'eop-wrong-endpoint',
];

/** The families that agree with a sisimai reason (our reading of its reason list; relaying denied is never EOP here). */
export function familiesForReason(reason: string): Family[] {
  switch (reason) {
    case 'norelaying':
      return ['onprem-relay-denied', 'other-relay-denied'];
    case 'expired':
    case 'networkerror':
    case 'hostunknown':
    case 'notaccept':
      return ['connection-failure', 'other-failure'];
    case 'feedback':
    case 'vacation':
    case 'delivered':
      return ['not-an-ndr'];
    default:
      return NOT_RELAY.filter((f) => !RELAY.includes(f));
  }
}

/** Which group a reason belongs to in the printed figures. */
export function reasonGroup(reason: string): string {
  if (reason === 'norelaying') return 'relaying denied';
  if (['expired', 'networkerror', 'hostunknown', 'notaccept'].includes(reason)) return 'expired / network / host';
  if (
    [
      'blocked',
      'badreputation',
      'requireptr',
      'spamdetected',
      'policyviolation',
      'rejected',
      'filtered',
      'speeding',
      'toomanyconn',
    ].includes(reason)
  )
    return 'blocked / rejected / filtered';
  if (['securityerror', 'authfailure'].includes(reason)) return 'security / auth';
  if (['userunknown', 'hasmoved', 'suspend', 'mailboxfull', 'exceedlimit', 'mesgtoobig', 'systemfull'].includes(reason))
    return 'recipient / mailbox';
  return 'other reasons';
}

export function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`;
}
