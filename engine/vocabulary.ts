// The public diagnosis vocabulary (docs/knowledge.md#families and #causes). Ids are stable: add, never rename.

export const FAMILIES = [
  'eop-relay-denied',
  'eop-wrong-endpoint',
  'tls-failure',
  'connection-failure',
  'onprem-relay-denied',
  'other-relay-denied',
  'eop-recipient-rejected',
  'eop-sender-blocked',
  'other-failure',
  'not-an-ndr',
] as const;
export type Family = (typeof FAMILIES)[number];

export const CASES = ['case1', 'case2', 'other'] as const;
export type Case = (typeof CASES)[number];

export const STATUSES = ['confirmed', 'likely', 'possible', 'ruled-out'] as const;
export type Status = (typeof STATUSES)[number];

export const CAUSE_CASES = {
  'send-connector.no-smart-host': 'case1',
  'send-connector.wrong-smart-host': 'case1',
  'send-connector.legacy-endpoint': 'case1',
  'send-connector.client-submission-endpoint': 'case1',
  'send-connector.ip-smart-host': 'case1',
  'send-connector.disabled': 'case1',
  'send-connector.tls-not-required': 'case1',
  'send-connector.certificate-not-set': 'case1',
  'send-connector.no-internet-address-space': 'case1',
  'certificate.not-found': 'case1',
  'certificate.no-private-key': 'case1',
  'inbound-connector.missing': 'case2',
  'inbound-connector.disabled': 'case2',
  'inbound-connector.wrong-type': 'case2',
  'inbound-connector.partner-restriction': 'case2',
  'inbound-connector.certificate-mismatch': 'case2',
  'inbound-connector.ip-not-listed': 'case2',
  'accepted-domain.not-accepted': 'case2',
  'certificate.incomplete-chain': 'case2',
  'certificate.untrusted': 'case2',
  'onprem.receive-connector-relay': 'other',
  'eop.recipient-not-found': 'other',
  'eop.sender-ip-blocked': 'other',
  'eop.unregistered-sender-domain': 'other',
  'eop.connector-blocked': 'other',
  // Added (issue 12): newer failures of the same hop, and the opposite direction recognized as such.
  'onprem.out-of-date-exchange': 'other',
  'send-connector.tls-unknown-credentials': 'other',
  'eop.reject-direct-send': 'other',
  'onprem.legacy-tls-only': 'other',
  'hybrid.exo-to-onprem-unreachable': 'other',
  'hybrid.exo-to-onprem-certificate': 'other',
} as const satisfies Record<string, Case>;

export type CauseId = keyof typeof CAUSE_CASES;
export const CAUSE_IDS = Object.keys(CAUSE_CASES) as [CauseId, ...CauseId[]];

export function caseOf(id: CauseId): Case {
  return CAUSE_CASES[id];
}

/** Order used to rank causes of equal weight: proven first, excluded last. */
export const STATUS_RANK: Record<Status, number> = { confirmed: 0, likely: 1, possible: 2, 'ruled-out': 3 };
