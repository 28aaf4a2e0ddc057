import type { LiveFinding, LiveObservation } from '../facts';
import { classifyHost, type EndpointKind, TENANT_ENDPOINT_KINDS } from '../knowledge/endpoints';
import type { Deadline } from './deadline';
import { type DnsPort, isCouldNotCheck } from './dns-port';
import { ask, failureText } from './dns-query';
import { isUnder } from './host-names';
import { observation, type ObservationContext } from './observation';

// MX of the organization's domain: is it EOP (which cloud and format), a retired Microsoft host, a
// third-party filter, or the organization's own server? An EOP MX is the smart host to use
// ("read the MX, don't synthesize the token").

const LEGACY_MICROSOFT: ReadonlySet<EndpointKind> = new Set(['legacy-fope', 'eop-germany-legacy']);

function mxHostFinding(host: string, kind: EndpointKind, domain: string): LiveFinding | undefined {
  if (TENANT_ENDPOINT_KINDS.has(kind)) return 'mx.eop';
  if (LEGACY_MICROSOFT.has(kind)) return 'mx.legacy-microsoft';
  if (kind !== 'other') return undefined; // other Microsoft hosts in an MX say nothing reliable
  // Heuristic: a host under the domain itself is the organization's; anything else is a service.
  return isUnder(host, domain) ? 'mx.own-server' : 'mx.third-party';
}

export async function checkMx(
  domain: string,
  port: DnsPort,
  deadline: Deadline,
  ctx: ObservationContext,
): Promise<LiveObservation> {
  const base = { check: 'mx' as const, subject: domain };
  const res = await ask(deadline, () => port.resolveMx(domain));
  if (!res.ok) {
    if (isCouldNotCheck(res.failure)) {
      return observation(ctx, {
        ...base,
        outcome: 'could-not-check',
        values: [],
        endpointKinds: [],
        failure: res.failure,
        detail: failureText(res.failure),
      });
    }
    return observation(ctx, {
      ...base,
      outcome: res.failure,
      values: [],
      endpointKinds: [],
      detail: failureText(res.failure),
    });
  }
  // Lowest preference first: the host mail actually goes to.
  const sorted = [...res.value].sort((a, b) => a.priority - b.priority);
  const hosts = [...new Set(sorted.map((r) => classifyHost(r.exchange).host).filter((h) => h.length > 0))];
  if (hosts.length === 0) {
    return observation(ctx, {
      ...base,
      outcome: 'no-data',
      values: [],
      endpointKinds: [],
      findings: ['mx.null'],
      detail: 'null MX (RFC 7505): the domain accepts no mail',
    });
  }
  const classes = hosts.map((h) => classifyHost(h));
  const findings = [
    ...new Set(
      classes.map((c) => mxHostFinding(c.host, c.kind, domain)).filter((f): f is LiveFinding => f !== undefined),
    ),
  ];
  const eop = classes.filter((c) => TENANT_ENDPOINT_KINDS.has(c.kind));
  const detail = eop.length
    ? `${eop[0].host} is an ${eop[0].description}: the smart host to use`
    : `not an EOP endpoint: ${classes.map((c) => `${c.host} (${mxHostFinding(c.host, c.kind, domain) ?? c.kind})`).join(', ')}`;
  // endpointKinds[i] classifies values[i].
  return observation(ctx, {
    ...base,
    outcome: 'ok',
    values: hosts,
    endpointKinds: classes.map((c) => c.kind),
    findings,
    detail,
  });
}
