import type { LiveFinding, LiveObservation } from '../facts';
import type { EndpointKind } from '../knowledge/endpoints';
import type { Deadline } from './deadline';
import { type DnsPort, isCouldNotCheck } from './dns-port';
import { ask, failureText } from './dns-query';
import { eopSpfInclude } from './eop-spf-includes';
import { observation, type ObservationContext } from './observation';
import { isSpfRecord, parseSpf, txtRecordText } from './spf-record';

// SPF of the sending domain: does it authorize Microsoft's outbound servers (directly or through
// nested includes)? A missing include is a warning for delivery after EOP, never a relay cause.

/** RFC 7208 §4.6.4 allows 10 DNS-querying terms; following more includes than that proves nothing. */
const MAX_LOOKUPS = 10;

/** Marker in endpointKinds for a complete SPF without Microsoft's include (read by the rules' notes). */
const SPF_MISSING_INCLUDE_MARK = 'spf-missing-include';

interface Found {
  include: string;
  kind: EndpointKind;
  via?: string;
}

export async function checkSpf(
  domain: string,
  port: DnsPort,
  deadline: Deadline,
  ctx: ObservationContext,
): Promise<LiveObservation> {
  const base = { check: 'spf' as const, subject: domain };
  const top = await ask(deadline, () => port.resolveTxt(domain));
  if (!top.ok) {
    if (isCouldNotCheck(top.failure)) {
      return observation(ctx, {
        ...base,
        outcome: 'could-not-check',
        values: [],
        endpointKinds: [],
        failure: top.failure,
        detail: failureText(top.failure),
      });
    }
    return observation(ctx, {
      ...base,
      outcome: top.failure,
      values: [],
      endpointKinds: [],
      findings: top.failure === 'no-data' ? ['spf.no-record'] : [],
      detail: failureText(top.failure),
    });
  }
  const records = top.value.map(txtRecordText).filter(isSpfRecord);
  if (records.length === 0) {
    return observation(ctx, {
      ...base,
      outcome: 'no-data',
      values: [],
      endpointKinds: [],
      findings: ['spf.no-record'],
      detail: 'TXT records exist, none is SPF (v=spf1)',
    });
  }
  const findings: LiveFinding[] = records.length > 1 ? ['spf.multiple-records'] : [];

  const found: Found[] = [];
  let incomplete = false;
  let lookups = 0;
  const seen = new Set<string>([domain]);
  // Breadth first: direct includes are judged before any nested lookup is spent.
  let frontier: { name: string; via?: string }[] = [];
  const visit = (text: string, via?: string) => {
    const spf = parseSpf(text);
    for (const name of [...spf.includes, ...(spf.redirect ? [spf.redirect] : [])]) {
      const eop = eopSpfInclude(name);
      if (eop) found.push({ include: eop.domain, kind: eop.kind, via });
      else if (!seen.has(name)) {
        seen.add(name);
        frontier.push({ name, via: via ?? name });
      }
    }
  };
  for (const r of records) visit(r);

  while (found.length === 0 && frontier.length > 0) {
    const level = frontier;
    frontier = [];
    if (lookups + level.length > MAX_LOOKUPS) {
      incomplete = true;
      level.splice(MAX_LOOKUPS - lookups);
    }
    lookups += level.length;
    const answers = await Promise.all(level.map((n) => ask(deadline, () => port.resolveTxt(n.name))));
    answers.forEach((res, i) => {
      if (!res.ok) {
        incomplete = true;
        return;
      }
      const nested = res.value.map(txtRecordText).filter(isSpfRecord);
      if (nested.length === 0) incomplete = true; // an include without SPF is a permerror at evaluation
      for (const t of nested) visit(t, level[i].via);
    });
  }

  let endpointKinds: string[];
  let detail: string;
  if (found.length) {
    findings.push('spf.eop-include');
    endpointKinds = [...new Set(found.map((f) => f.kind))];
    detail = found.map((f) => `includes ${f.include}${f.via ? ` (through ${f.via})` : ''}`).join('; ');
  } else if (incomplete) {
    findings.push('spf.incomplete');
    endpointKinds = [];
    detail = 'no Microsoft include found, but part of the SPF could not be read';
  } else {
    findings.push('spf.eop-include-missing');
    endpointKinds = [SPF_MISSING_INCLUDE_MARK];
    detail =
      'does not include Microsoft SPF (spf.protection.outlook.com, spf.protection.office365.us or spf.protection.partner.outlook.cn)';
  }
  return observation(ctx, { ...base, outcome: 'ok', values: records, endpointKinds, findings, detail });
}
