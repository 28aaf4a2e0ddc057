import { AuthenticationConstants, ToBotFromBotOrEmulatorTokenValidationParameters } from 'botframework-connector';
import { decodeJwt, decodeProtectedHeader } from 'jose';

// A cheap look at the Authorization header before botbuilder sees it. botframework-connector 4.23.3
// (EmulatorValidation.isTokenFromEmulator) runs on every header before any signature check and, for each
// `tid` claim it has not seen, pushes four issuer strings into a global array that is never pruned: an
// unauthenticated caller could grow the process without bound. Here the header is decoded (no signature
// check: botbuilder still validates everything that passes) and refused when the library would learn a
// new tenant from it, or when it cannot be a token this bot accepts. Refused headers never reach the library.

export interface PrecheckPolicy {
  /** Longest Authorization header accepted, in bytes (real Bot Framework tokens are 1–2 KB). */
  maxHeaderBytes: number;
  /** Issuer of Bot Framework channel tokens (botbuilder's ToBotFromChannelTokenIssuer). */
  channelIssuer: string;
  /** MicrosoftAppTenantId ('' when not set). */
  tenantId: string;
  /** SingleTenant / UserAssignedMSI: a token naming a tenant must name this one. */
  singleTenant: boolean;
}

export type PrecheckResult = { ok: true } | { ok: false; reason: PrecheckRefusal };

type PrecheckRefusal = 'header-too-large' | 'not-bearer' | 'not-a-jwt' | 'algorithm' | 'issuer' | 'tenant';

const JWT_SHAPE = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]*)$/;

/** The tenants the library trusts out of the box, taken once at load, before any request could add one. */
const BUILT_IN_ISSUERS: readonly string[] = [...(ToBotFromBotOrEmulatorTokenValidationParameters.issuer as string[])];
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const BUILT_IN_TENANTS: readonly string[] = [...new Set(BUILT_IN_ISSUERS.flatMap((i) => i.match(GUID) ?? []))];

/** The four issuer forms botbuilder accepts for a tenant (public and US Government clouds, v1 and v2). */
function tenantIssuers(tenant: string): string[] {
  return [
    `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV1}${tenant}/`,
    `${AuthenticationConstants.ValidTokenIssuerUrlTemplateV2}${tenant}/v2.0`,
    `${AuthenticationConstants.ValidGovernmentTokenIssuerUrlTemplateV1}${tenant}/`,
    `${AuthenticationConstants.ValidGovernmentTokenIssuerUrlTemplateV2}${tenant}/v2.0`,
  ];
}

export class AuthPrecheck {
  private readonly issuers: Set<string>;
  private readonly tenants: Set<string>;

  constructor(private readonly policy: PrecheckPolicy) {
    const tenants = [...BUILT_IN_TENANTS, ...(policy.tenantId ? [policy.tenantId] : [])];
    this.tenants = new Set(tenants);
    this.issuers = new Set([policy.channelIssuer, ...BUILT_IN_ISSUERS, ...tenants.flatMap(tenantIssuers)]);
  }

  check(header: string | undefined): PrecheckResult {
    const refuse = (reason: PrecheckRefusal): PrecheckResult => ({ ok: false, reason });
    if (!header) return refuse('not-bearer');
    if (Buffer.byteLength(header, 'utf8') > this.policy.maxHeaderBytes) return refuse('header-too-large');
    if (!header.startsWith('Bearer ')) return refuse('not-bearer');
    if (!JWT_SHAPE.test(header)) return refuse('not-a-jwt');
    const token = header.slice('Bearer '.length);
    let alg: unknown;
    let claims: Record<string, unknown>;
    try {
      alg = decodeProtectedHeader(token).alg;
      claims = decodeJwt(token);
    } catch {
      return refuse('not-a-jwt');
    }
    if (typeof alg !== 'string' || !AuthenticationConstants.AllowedSigningAlgorithms.includes(alg))
      return refuse('algorithm');
    if (typeof claims.iss !== 'string' || !this.issuers.has(claims.iss)) return refuse('issuer');
    // The library keys its issuer cache on `tid`: only tenants it already knows may pass, so it never grows.
    const tid = claims[AuthenticationConstants.TenantIdClaim];
    if (tid !== undefined && tid !== '') {
      if (typeof tid !== 'string' || !this.tenants.has(tid)) return refuse('tenant');
      if (this.policy.singleTenant && tid !== this.policy.tenantId) return refuse('tenant');
    }
    return { ok: true };
  }
}
