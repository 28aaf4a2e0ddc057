import { sources } from '../sources';
import { M365_DOMAINS } from './admin-paths';
import type { CauseEntries } from './cause-entry';
import type { FixContext } from './fix-context';
import { EXO_SHELL, hybridCertificateNote, inboundVerifySteps, step } from './fix-parts';
import { psValue } from './ps-quote';

// Since 2017 EOP relays only when the certificate's domain or the envelope (P1) sender's domain is an
// accepted domain of the tenant; since 1 November 2023 the header From no longer counts
// (docs/knowledge.md#attribution).

/** The domain that must be accepted: the certificate's (it covers NDRs and forwarding), else the sender's. */
const domainToAccept = (ctx: FixContext) => ctx.certificateDomain?.trim() || ctx.senderDomain?.trim() || undefined;

export const ACCEPTED_DOMAIN_CAUSES: CauseEntries<'accepted-domain.not-accepted'> = {
  'accepted-domain.not-accepted': {
    id: 'accepted-domain.not-accepted',
    case: 'case2',
    title: "Neither the sender's domain nor the certificate's domain is an accepted domain",
    explanation:
      'EOP relays on-premises mail only when the domain of the certificate your server presents, or the envelope sender (MAIL FROM) domain, is an accepted domain of the tenant. ' +
      'Neither is, so it answers 550 5.7.64 Relay Access Denied ATTR36. NDRs and out-of-office replies have an empty sender and can only qualify through the certificate domain.',
    fix: (ctx) => {
      const target = domainToAccept(ctx);
      return {
        steps: [
          step(
            `${EXO_SHELL}: check whether the domain (or a parent of it) is accepted.`,
            `$d = ${psValue(target, 'certificate or sender domain')}; Get-AcceptedDomain | Where-Object { $d -eq $_.DomainName -or $d -like ('*.' + $_.DomainName) } | Format-List DomainName,DomainType,Default`,
          ),
          step(
            `Add ${target ?? 'the certificate domain'} to the tenant and verify it: Microsoft 365 admin center → Settings → Domains → Add domain. ` +
              'For a certificate name like host.sub.contoso.com, add sub.contoso.com: a parent domain alone may not be enough.',
          ),
          step(
            "Alternatively use a certificate whose CN or SAN is under a domain the tenant already has, and set the inbound connector's TlsSenderCertificateName to *.that-domain. " +
              'Relaying mail from domains the tenant does not own needs that certificate-based OnPremises connector.',
          ),
          hybridCertificateNote,
        ],
        adminCenterPath: [...M365_DOMAINS],
        verify: inboundVerifySteps(ctx),
        docs: sources('notice', 'attr36', 'relay2023', 'certFaq'),
      };
    },
    sources: sources('notice', 'attr36', 'relay2023', 'certFaq'),
  },
};
