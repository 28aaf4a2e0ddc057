import type { LiveObservation } from '../facts';
import { classifyHost } from '../knowledge/endpoints';
import { Deadline } from './deadline';
import type { DnsPort } from './dns-port';
import { EOP_SPF_INCLUDES, spfKindForMxKind } from './eop-spf-includes';
import { dnsName } from './host-names';
import type { LiveRequest } from './live-request';
import { checkMx } from './mx-check';
import { observation, type ObservationContext } from './observation';
import { checkSmartHost, compareWithMx, type HostOrigin } from './smart-host-check';
import { checkSpf } from './spf-check';

// The live step beside the engine: all DNS checks at once under one budget. Whatever the network
// does, the call returns by the budget, and a failed query is 'could-not-check', never a verdict.

export const DEFAULT_LIVE_BUDGET_MS = 3000;
/**
 * Hosts looked up per run, besides the domain's MX and SPF. A paste may name any number of hosts; the
 * verdict needs the Internet Send connector's smart host(s) and the host the NDR names, which come
 * first. Each host costs at most 3 queries (A, AAAA, MX), SPF at most 11, MX 1: at most 24 per run.
 */
export const MAX_CHECKED_HOSTS = 4;
/** Host names listed in the 'not-checked' observation (its detail gives the full count). */
export const MAX_LISTED_UNCHECKED = 10;

export interface LiveCheckOptions {
  /** Overall budget for all checks, in ms. Default 3000. */
  budgetMs?: number;
  now?: () => Date;
  /** Where the checks run from, e.g. "the bot's host"; the port's resolver label is appended. */
  vantage?: string;
}

function vantageText(port: DnsPort, vantage: string | undefined): string {
  const where = vantage?.trim() || 'this host';
  return port.label ? `${where} (${port.label})` : where;
}

/** Hosts to check, each once; a host from the Send connector keeps that origin. */
function hostsToCheck(request: LiveRequest): { host: string; origin: HostOrigin }[] {
  const out: { host: string; origin: HostOrigin }[] = [];
  const add = (hosts: string[] | undefined, origin: HostOrigin) => {
    for (const h of hosts ?? []) {
      if (classifyHost(h).kind === 'ip-literal') continue;
      const name = dnsName(h);
      if (name && !out.some((o) => o.host === name)) out.push({ host: name, origin });
    }
  };
  add(request.smartHosts, 'send-connector');
  add(request.remoteHosts, 'ndr-remote-server');
  return out;
}

/** One observation for every host left out by MAX_CHECKED_HOSTS, so views can say what was not looked up. */
function notChecked(unchecked: { host: string; origin: HostOrigin }[], ctx: ObservationContext): LiveObservation {
  const listed = unchecked.slice(0, MAX_LISTED_UNCHECKED).map((u) => u.host);
  const more = unchecked.length - listed.length;
  return observation(ctx, {
    check: 'smart-host',
    subject: listed[0],
    origin: unchecked[0].origin,
    outcome: 'could-not-check',
    failure: 'not-checked',
    values: listed,
    endpointKinds: [],
    detail:
      `${unchecked.length} host name${unchecked.length === 1 ? '' : 's'} not looked up (${listed.join(', ')}${more ? ` and ${more} more` : ''}): ` +
      `only the first ${MAX_CHECKED_HOSTS} hosts are checked`,
  });
}

/** Adds spf.cloud-mismatch when SPF authorizes one Microsoft cloud and the EOP MX is in another. */
function compareSpfWithMx(spf: LiveObservation, mx: LiveObservation): LiveObservation {
  if (spf.outcome !== 'ok' || mx.outcome !== 'ok' || !spf.findings?.includes('spf.eop-include')) return spf;
  const spfKinds: ReadonlySet<string> = new Set(EOP_SPF_INCLUDES.map((i) => i.kind));
  const mxClouds = new Set(mx.values.map((v) => spfKindForMxKind(classifyHost(v).kind)).filter((k) => spfKinds.has(k)));
  if (mxClouds.size === 0 || spf.endpointKinds.some((k) => (mxClouds as Set<string>).has(k))) return spf;
  return { ...spf, findings: [...spf.findings, 'spf.cloud-mismatch'] };
}

export async function runLiveChecks(
  request: LiveRequest,
  port: DnsPort,
  options: LiveCheckOptions = {},
): Promise<LiveObservation[]> {
  const ctx: ObservationContext = {
    vantage: vantageText(port, options.vantage),
    now: options.now ?? (() => new Date()),
  };
  const deadline = new Deadline(options.budgetMs ?? DEFAULT_LIVE_BUDGET_MS, () => port.cancel?.());
  try {
    const domain = dnsName(request.domain);
    const mxP = domain ? checkMx(domain, port, deadline, ctx) : undefined;
    const spfP = domain ? checkSpf(domain, port, deadline, ctx) : undefined;
    const hosts = hostsToCheck(request);
    const checked = hosts.slice(0, MAX_CHECKED_HOSTS);
    const hostPs = checked.map(({ host, origin }) => checkSmartHost(host, origin, port, deadline, ctx));
    // Every check turns its own failures into observations, so these never reject.
    const [mx, spf, hostObs] = await Promise.all([mxP, spfP, Promise.all(hostPs)]);
    const out: LiveObservation[] = [];
    if (mx) out.push(mx);
    if (spf) out.push(mx ? compareSpfWithMx(spf, mx) : spf);
    out.push(...hostObs.map((h) => compareWithMx(h, mx)));
    const unchecked = hosts.slice(MAX_CHECKED_HOSTS);
    if (unchecked.length) out.push(notChecked(unchecked, ctx));
    return out;
  } finally {
    deadline.dispose();
  }
}
