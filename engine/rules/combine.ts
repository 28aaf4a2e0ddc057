import type { Evidence } from '../verdict';
import { CAUSE_IDS, type CauseId, type Status, STATUS_RANK } from '../vocabulary';
import type { Finding, FindingSource } from './finding';

// Several findings about one cause become one status. Proof wins; otherwise the most specific source speaks
// (pasted configuration and live DNS over answers, answers over the NDR's hints).

const STRENGTH: Record<FindingSource, number> = { config: 3, live: 3, answer: 2, ndr: 1 };

export interface CombinedCause {
  id: CauseId;
  status: Status;
  sources: Set<FindingSource>;
  evidence: Evidence[];
}

export function combineFindings(findings: Finding[]): Map<CauseId, CombinedCause> {
  const byCause = new Map<CauseId, Finding[]>();
  for (const f of findings) byCause.set(f.cause, [...(byCause.get(f.cause) ?? []), f]);
  const out = new Map<CauseId, CombinedCause>();
  for (const id of CAUSE_IDS) {
    const fs = byCause.get(id);
    if (!fs) continue;
    let status: Status;
    if (fs.some((f) => f.status === 'confirmed')) {
      status = 'confirmed';
    } else {
      const top = Math.max(...fs.map((f) => STRENGTH[f.source]));
      const strongest = fs.filter((f) => STRENGTH[f.source] === top);
      status = strongest.map((f) => f.status).sort((a, b) => STATUS_RANK[a] - STATUS_RANK[b])[0];
    }
    const seen = new Set<string>();
    const evidence: Evidence[] = [];
    for (const f of fs) {
      for (const e of f.evidence) {
        const key = `${e.source}\u0000${e.text}`;
        if (e.text && !seen.has(key)) {
          seen.add(key);
          evidence.push(e);
        }
      }
    }
    out.set(id, { id, status, sources: new Set(fs.map((f) => f.source)), evidence });
  }
  return out;
}
