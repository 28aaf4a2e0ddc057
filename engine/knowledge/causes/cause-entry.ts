import type { DocLink, Fix } from '../../verdict';
import type { Case, CauseId } from '../../vocabulary';
import type { FixContext } from './fix-context';

/** One cause as data: what it is, how to fix it with the admin's values, and where that is documented. */
export interface CauseEntry {
  id: CauseId;
  case: Case;
  /** Short, admin-facing. */
  title: string;
  /** 1–3 sentences: what is wrong and why EOP (or the server) refuses. */
  explanation: string;
  fix(ctx: FixContext): Fix;
  /** Every entry cites where its facts come from. */
  sources: DocLink[];
}

/** Entries of one part of the catalogue, keyed by their id. */
export type CauseEntries<K extends CauseId> = { readonly [P in K]: CauseEntry & { id: P } };
