import type { LiveObservation } from '../facts';
import { classifyHost } from '../knowledge/endpoints';
import { Deadline } from './deadline';
import type { DnsPort } from './dns-port';
import { dnsName } from './host-names';
import type { LiveRequest } from './live-request';
import { checkMx } from './mx-check';
import type { ObservationContext } from './observation';
import { checkSmartHost, compareWithMx, type HostOrigin } from './smart-host-check';
import { checkSpf } from './spf-check';
import { spfKindForMxKind, EOP_SPF_INCLUDES } from './eop-spf-includes';

// The live step beside the engine: all DNS checks at once under one budget. Whatever the network
// does, the call returns by the budget, and a failed query is 'could-not-check', never a verdict.

export const DEFAULT_LIVE_BUDGET_MS = 3000;

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

/** Adds spf.cloud-mismatch when SPF authorizes one Microsoft cloud and the EOP MX is in another. */
function compareSpfWithMx(spf: LiveObservation, mx: LiveObservation): LiveObservation {
  if (spf.outcome !== 'ok' || mx.outcome !== 'ok' || !spf.findings?.includes('spf.eop-include')) return spf;
  const spfKinds: ReadonlySet<string> = new Set(EOP_SPF_INCLUDES.map((i) => i.kind));
  const mxClouds = new Set(
    mx.values.map((v) => spfKindForMxKind(classifyHost(v).kind)).filter((k) => spfKinds.has(k)),
  );
  if (mxClouds.size === 0 || spf.endpointKinds.some((k) => (mxClouds as Set<string>).has(k))) return spf;
  return { ...spf, findings: [...spf.findings, 'spf.cloud-mismatch'] };
}

export async function runLiveChecks(request: LiveRequest, port: DnsPort, options: LiveCheckOptions = {}): Promise<LiveObservation[]> {
  const ctx: ObservationContext = { vantage: vantageText(port, options.vantage), now: options.now ?? (() => new Date()) };
  const deadline = new Deadline(options.budgetMs ?? DEFAULT_LIVE_BUDGET_MS, () => port.cancel?.());
  try {
    const domain = dnsName(request.domain);
    const mxP = domain ? checkMx(domain, port, deadline, ctx) : undefined;
    const spfP = domain ? checkSpf(domain, port, deadline, ctx) : undefined;
    const hostPs = hostsToCheck(request).map(({ host, origin }) => checkSmartHost(host, origin, port, deadline, ctx));
    // Every check turns its own failures into observations, so these never reject.
    const [mx, spf, hosts] = await Promise.all([mxP, spfP, Promise.all(hostPs)]);
    const out: LiveObservation[] = [];
    if (mx) out.push(mx);
    if (spf) out.push(mx ? compareSpfWithMx(spf, mx) : spf);
    out.push(...hosts.map((h) => compareWithMx(h, mx)));
    return out;
  } finally {
    deadline.dispose();
  }
}
