import type { LiveFinding, LiveObservation } from '../facts';
import { classifyHost, TENANT_ENDPOINT_KINDS } from '../knowledge/endpoints';
import type { Deadline } from './deadline';
import { type CouldNotCheckFailure, type DnsPort, isCouldNotCheck } from './dns-port';
import { ask, failureText, type QueryResult } from './dns-query';
import { observation, type ObservationContext } from './observation';

// A smart host (Send connector) or the remote host an NDR names: does it resolve, and is it the
// tenant's endpoint? An NXDOMAIN (e.g. the KB's `contoso-com.mail.protection.com`) is the evidence
// the rules read as a wrong smart host.

export type HostOrigin = 'send-connector' | 'ndr-remote-server';

/** Exchange resolves a smart host by A/AAAA, or by MX when there is no address record. */
export async function checkSmartHost(
  host: string,
  origin: HostOrigin,
  port: DnsPort,
  deadline: Deadline,
  ctx: ObservationContext,
): Promise<LiveObservation> {
  const cls = classifyHost(host);
  const base = { check: 'smart-host' as const, subject: cls.host, endpointKinds: [cls.kind], origin };
  const couldNot = (f: CouldNotCheckFailure) =>
    observation(ctx, { ...base, outcome: 'could-not-check', values: [], failure: f, detail: failureText(f) });

  const a = await ask(deadline, () => port.resolve4(cls.host));
  if (a.ok)
    return observation(ctx, { ...base, outcome: 'ok', values: a.value, detail: `resolves to ${a.value.join(', ')}` });
  if (isCouldNotCheck(a.failure)) return couldNot(a.failure);
  if (a.failure === 'nxdomain')
    return observation(ctx, { ...base, outcome: 'nxdomain', values: [], detail: failureText('nxdomain') });

  // The name exists without an A record: try AAAA, then MX.
  const resolve6 = port.resolve6?.bind(port);
  const aaaa: QueryResult<string[]> = resolve6
    ? await ask(deadline, () => resolve6(cls.host))
    : { ok: false, failure: 'no-data', message: '' };
  if (aaaa.ok)
    return observation(ctx, {
      ...base,
      outcome: 'ok',
      values: aaaa.value,
      detail: `resolves to ${aaaa.value.join(', ')}`,
    });
  if (isCouldNotCheck(aaaa.failure)) return couldNot(aaaa.failure);

  const mx = await ask(deadline, () => port.resolveMx(cls.host));
  if (mx.ok && mx.value.length) {
    const hosts = [...mx.value].sort((x, y) => x.priority - y.priority).map((r) => classifyHost(r.exchange).host);
    return observation(ctx, {
      ...base,
      outcome: 'ok',
      values: hosts,
      findings: ['smart-host.mx-only'],
      detail: `no address record; MX ${hosts.join(', ')}`,
    });
  }
  if (!mx.ok && isCouldNotCheck(mx.failure)) return couldNot(mx.failure);
  return observation(ctx, {
    ...base,
    outcome: 'no-data',
    values: [],
    detail: 'the name exists but has no A, AAAA or MX record',
  });
}

/**
 * Compares a host with the domain's MX. Only an MX that was read says anything: equal to an EOP MX
 * means the tenant's endpoint; an EOP format that is not in the MX may still be the tenant's (one
 * tenant MX serves all its domains); equal to a non-EOP MX means it points at the own server or filter.
 */
export function compareWithMx(obs: LiveObservation, mx: LiveObservation | undefined): LiveObservation {
  if (!mx || mx.check !== 'mx' || mx.outcome !== 'ok') return obs;
  const host = obs.subject;
  const add: LiveFinding[] = [];
  const eopMx = mx.values.filter((v) => TENANT_ENDPOINT_KINDS.has(classifyHost(v).kind));
  if (eopMx.includes(host)) add.push('smart-host.tenant-endpoint');
  else if (TENANT_ENDPOINT_KINDS.has(classifyHost(host).kind)) add.push('smart-host.eop-not-in-mx');
  else if (mx.values.includes(host)) add.push('smart-host.is-domain-mx');
  if (add.length === 0) return obs;
  return { ...obs, findings: [...(obs.findings ?? []), ...add] };
}
