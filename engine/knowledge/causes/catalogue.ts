import type { CauseId } from '../../vocabulary';
import { ACCEPTED_DOMAIN_CAUSES } from './accepted-domain-causes';
import type { CauseEntry } from './cause-entry';
import { CERTIFICATE_CAUSES } from './certificate-causes';
import { INBOUND_CONNECTOR_CAUSES } from './inbound-connector-causes';
import { NEWER_HOP_CAUSES } from './newer-hop-causes';
import { OTHER_CAUSES } from './other-causes';
import { SEND_CONNECTOR_CAUSES } from './send-connector-causes';

export type { CauseEntry } from './cause-entry';
export type { FixContext } from './fix-context';

/** Every cause of the vocabulary, as data. The type makes a missing cause a compile error. */
export const CAUSE_CATALOGUE: Readonly<Record<CauseId, CauseEntry>> = Object.freeze({
  ...SEND_CONNECTOR_CAUSES,
  ...CERTIFICATE_CAUSES,
  ...INBOUND_CONNECTOR_CAUSES,
  ...ACCEPTED_DOMAIN_CAUSES,
  ...OTHER_CAUSES,
  ...NEWER_HOP_CAUSES,
} satisfies Record<CauseId, CauseEntry>);

export function causeEntry(id: CauseId): CauseEntry {
  const entry = CAUSE_CATALOGUE[id];
  if (!entry) throw new Error(`no catalogue entry for cause ${String(id)}`);
  return entry;
}
