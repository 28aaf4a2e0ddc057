import { listing } from '../knowledge/cmdlets';
import type { DiagnosisContext } from '../rules/context';
import type { Question } from '../verdict';
import type { CauseId } from '../vocabulary';
import { choice } from './choice-synonyms';
import type { QuestionId } from './question-ids';

// The questions the engine can ask, with stable ids. `needed` says when the answer is still unknown from facts;
// the selector adds "not answered yet" and "one of `decides` is still open".

export interface QuestionDef {
  question: (ctx: DiagnosisContext) => Question;
  needed: (ctx: DiagnosisContext) => boolean;
}

// Property lists with a space after each comma (PowerShell accepts it), so a narrow card wraps them between
// properties rather than inside a name.
const SEND_CONNECTOR_CMD = listing('send-connectors', ', ');
const INBOUND_CONNECTOR_CMD = listing('inbound-connectors', ', ');
const ACCEPTED_DOMAIN_CMD = listing('accepted-domains', ', ');
const CERT_CMD = listing('certificates', ', ');

const answer = (ctx: DiagnosisContext, id: QuestionId) => ctx.facts.answers[id]?.trim();
const noSendConnector = (ctx: DiagnosisContext) => ctx.facts.sendConnectors.length === 0;
const noInbound = (ctx: DiagnosisContext) => ctx.facts.inboundConnectors.length === 0;

function certificateBased(ctx: DiagnosisContext): boolean {
  if (!noInbound(ctx)) return ctx.onPremisesConnectors.some((c) => c.enabled !== false && !!c.tlsSenderCertificateName);
  return answer(ctx, 'case2.auth-method') === 'certificate';
}

function ipBased(ctx: DiagnosisContext): boolean {
  if (!noInbound(ctx))
    return ctx.onPremisesConnectors.some((c) => c.enabled !== false && c.senderIPAddresses.length > 0);
  return answer(ctx, 'case2.auth-method') === 'ip';
}

function cause(...ids: CauseId[]): CauseId[] {
  return ids;
}

export const QUESTION_CATALOGUE: Readonly<Record<QuestionId, QuestionDef>> = {
  'case2.inbound-connector': {
    // Also when the pasted connectors do not show their type.
    needed: (ctx) => ctx.onPremisesConnectors.length + ctx.partnerConnectors.length === 0,
    question: () => ({
      id: 'case2.inbound-connector',
      kind: 'choice',
      case: 'case2',
      prompt:
        "In Exchange Online, is there an inbound connector from your organization's email server (type OnPremises), and is it turned on?",
      why: 'EOP relays to the Internet only for mail it can attribute to an enabled OnPremises inbound connector.',
      choices: [
        choice(
          'onpremises-enabled',
          'Yes, from our email server, turned on',
          'yes',
          'enabled',
          'turned on',
          'on',
          'it exists',
          'exists',
          'exists and enabled',
          'active',
          'onpremises',
          'on premises',
          'from our server',
          'from our email server',
        ),
        choice(
          'onpremises-disabled',
          'Yes, but it is turned off',
          'disabled',
          'turned off',
          'switched off',
          'off',
          'not enabled',
          'not turned on',
          'inactive',
          'not active',
          'exists but disabled',
        ),
        choice(
          'partner',
          'Only a connector from a partner organization',
          'partner',
          'partner only',
          'only partner',
          'partner connector',
          'from a partner',
        ),
        choice(
          'none',
          'No connector from our server',
          'no',
          'none',
          'no connector',
          'no inbound connector',
          'not exist',
          'does not exist',
          'there is none',
          'there is no connector',
          'missing',
          'nothing',
        ),
        choice('not-sure', 'Not sure'),
      ],
      command: INBOUND_CONNECTOR_CMD,
      decides: cause(
        'inbound-connector.missing',
        'inbound-connector.disabled',
        'inbound-connector.wrong-type',
        'inbound-connector.partner-restriction',
      ),
    }),
  },
  'case2.auth-method': {
    needed: (ctx) => noInbound(ctx) && answer(ctx, 'case2.inbound-connector') === 'onpremises-enabled',
    question: () => ({
      id: 'case2.auth-method',
      kind: 'choice',
      case: 'case2',
      prompt: 'How does that connector recognize your server?',
      why: 'A certificate-based connector fails on a name mismatch; an IP-based one on a missing address.',
      choices: [
        choice(
          'certificate',
          'By the certificate name (TlsSenderCertificateName)',
          'certificate',
          'cert',
          'by certificate',
          'certificate name',
          'by the certificate',
          'tls certificate',
          'tlssendercertificatename',
          'certificate based',
        ),
        choice(
          'ip',
          'By IP address (SenderIPAddresses)',
          'ip',
          'ips',
          'ip address',
          'ip addresses',
          'by ip',
          'address',
          'addresses',
          'senderipaddresses',
          'sender ip',
          'public ip',
          'ip based',
        ),
        choice('not-sure', 'Not sure'),
      ],
      command: INBOUND_CONNECTOR_CMD,
      decides: cause('inbound-connector.certificate-mismatch', 'inbound-connector.ip-not-listed'),
    }),
  },
  'case2.connector-certificate-name': {
    needed: (ctx) => noInbound(ctx) && certificateBased(ctx),
    question: () => ({
      id: 'case2.connector-certificate-name',
      kind: 'text',
      answerType: 'certificate-name',
      case: 'case2',
      prompt: 'Which certificate name does the inbound connector expect (TlsSenderCertificateName)?',
      why: 'It must match the certificate your server presents.',
      placeholder: '*.contoso.com',
      command: INBOUND_CONNECTOR_CMD,
      decides: cause('inbound-connector.certificate-mismatch'),
    }),
  },
  'case2.presented-certificate-name': {
    needed: (ctx) => certificateBased(ctx) && !ctx.presented,
    question: () => ({
      id: 'case2.presented-certificate-name',
      kind: 'text',
      answerType: 'certificate-names',
      case: 'case2',
      prompt: 'Which name is on the certificate your Send connector presents (its subject CN or a SAN)?',
      why: 'EOP matches that name against the inbound connector; the Send protocol log line "Certificate subject" shows it.',
      placeholder: 'mail.contoso.com',
      command: CERT_CMD,
      decides: cause('inbound-connector.certificate-mismatch', 'accepted-domain.not-accepted'),
    }),
  },
  'case2.onprem-ip': {
    needed: (ctx) => ipBased(ctx) && !ctx.onPremIp,
    question: () => ({
      id: 'case2.onprem-ip',
      kind: 'text',
      answerType: 'ipv4',
      case: 'case2',
      prompt: 'Which public IPv4 address does your Exchange server send from?',
      why: 'The IP-based connector only matches addresses in SenderIPAddresses. The EHLO reply of the EOP endpoint ("Hello [IP]") shows the address it sees.',
      placeholder: '203.0.113.10',
      decides: cause('inbound-connector.ip-not-listed'),
    }),
  },
  'case2.connector-ips': {
    needed: (ctx) => noInbound(ctx) && ipBased(ctx),
    question: () => ({
      id: 'case2.connector-ips',
      kind: 'text',
      answerType: 'ip-list',
      case: 'case2',
      prompt: 'Which addresses are listed on the inbound connector (SenderIPAddresses)?',
      why: "Your server's public address must be one of them.",
      placeholder: '203.0.113.10, 198.51.100.0/24',
      command: INBOUND_CONNECTOR_CMD,
      decides: cause('inbound-connector.ip-not-listed'),
    }),
  },
  'case2.accepted-domain': {
    needed: (ctx) => ctx.facts.acceptedDomains.length === 0,
    question: (ctx) => {
      const names = ctx.presented?.names.map((n) => n.replace(/^\*\./, '')) ?? [];
      const subject = names[0] ?? ctx.senderDomain ?? ctx.domain;
      return {
        id: 'case2.accepted-domain',
        kind: 'choice',
        case: 'case2',
        prompt: subject
          ? `Is ${subject} (or its parent domain) an accepted domain of your Microsoft 365 tenant?`
          : "Are your certificate's domain and your sender domain accepted domains of your Microsoft 365 tenant?",
        why: 'Since 2023 EOP relays only when the certificate domain or the MAIL FROM domain is an accepted domain.',
        choices: [
          choice('yes', 'Yes', 'accepted', 'it is accepted', 'it is', 'listed', 'it is listed', 'authoritative'),
          choice('no', 'No', 'not accepted', 'it is not', 'not listed', 'not an accepted domain', 'missing'),
          choice('not-sure', 'Not sure'),
        ],
        command: ACCEPTED_DOMAIN_CMD,
        decides: cause('accepted-domain.not-accepted'),
      };
    },
  },
  'case1.routing': {
    needed: (ctx) => noSendConnector(ctx),
    question: () => ({
      id: 'case1.routing',
      kind: 'choice',
      case: 'case1',
      prompt: 'How does your Internet Send connector deliver mail?',
      why: 'Mail reaches EOP for relay only through a smart host; DNS (MX) routing bypasses it.',
      choices: [
        choice(
          'smart-host',
          'Through a smart host',
          'smart host',
          'smarthost',
          'smarthosts',
          'smart hosts',
          'via smart host',
          'through eop',
          'via eop',
          'eop',
          'office 365',
          'exchange online',
          'relay',
          'dnsroutingenabled false',
        ),
        choice(
          'dns',
          'Directly, by MX records (DNS)',
          'dns',
          'mx',
          'mx record',
          'mx records',
          'directly',
          'direct',
          'dns routing',
          'by dns',
          'dnsroutingenabled true',
          'dnsroutingenabled',
        ),
        choice('not-sure', 'Not sure'),
      ],
      command: SEND_CONNECTOR_CMD,
      decides: cause('send-connector.no-smart-host'),
    }),
  },
  'case1.smart-host': {
    needed: (ctx) => {
      if (!noSendConnector(ctx) || answer(ctx, 'case1.routing') === 'dns') return false;
      // An NDR that names the host the server talked to answers this.
      const remote = ctx.ndrRemote;
      return !(remote && remote.kind !== 'other' && remote.kind !== 'eop-internal');
    },
    question: () => ({
      id: 'case1.smart-host',
      kind: 'text',
      answerType: 'smart-host',
      case: 'case1',
      prompt: 'Which smart host does the Internet Send connector use?',
      why: "It must be your tenant's EOP endpoint (the MX of your domain), not a legacy, client-submission or typo host.",
      placeholder: 'contoso-com.mail.protection.outlook.com',
      command: SEND_CONNECTOR_CMD,
      decides: cause(
        'send-connector.wrong-smart-host',
        'send-connector.legacy-endpoint',
        'send-connector.client-submission-endpoint',
        'send-connector.ip-smart-host',
      ),
    }),
  },
  'case1.require-tls': {
    needed: (ctx) => noSendConnector(ctx) && !ipBased(ctx),
    question: () => ({
      id: 'case1.require-tls',
      kind: 'choice',
      case: 'case1',
      prompt:
        'Is "RequireTLS" turned on for the Internet Send connector, with a certificate set in TlsCertificateName?',
      why: 'Without TLS no certificate can identify your organization to EOP.',
      choices: [
        choice(
          'yes',
          'Yes',
          'required',
          'tls required',
          'requiretls true',
          'it is on',
          'turned on',
          'enabled',
          'on',
          'both',
        ),
        choice(
          'no',
          'No',
          'not required',
          'requiretls false',
          'turned off',
          'disabled',
          'off',
          'not set',
          'no tls',
          'no certificate',
          'not enabled',
        ),
        choice('not-sure', 'Not sure'),
      ],
      command: SEND_CONNECTOR_CMD,
      decides: cause('send-connector.tls-not-required', 'send-connector.certificate-not-set'),
    }),
  },
  domain: {
    needed: (ctx) => !ctx.domain,
    question: () => ({
      id: 'domain',
      kind: 'text',
      answerType: 'domain',
      case: 'other',
      prompt: "What is your organization's primary email domain?",
      why: 'The fix commands use it, and the live checks read its MX and SPF records.',
      placeholder: 'contoso.com',
      decides: [],
    }),
  },
};

/** Ask order: when EOP was reached (relay denied), its inbound side comes first. */
export const CASE2_FIRST: readonly QuestionId[] = [
  'case2.inbound-connector',
  'case2.auth-method',
  'case2.connector-certificate-name',
  'case2.presented-certificate-name',
  'case2.onprem-ip',
  'case2.connector-ips',
  'case2.accepted-domain',
  'case1.routing',
  'case1.smart-host',
  'case1.require-tls',
  'domain',
];
export const CASE1_FIRST: readonly QuestionId[] = [
  'case1.routing',
  'case1.smart-host',
  'case1.require-tls',
  'case2.inbound-connector',
  'case2.auth-method',
  'case2.connector-certificate-name',
  'case2.presented-certificate-name',
  'case2.onprem-ip',
  'case2.connector-ips',
  'case2.accepted-domain',
  'domain',
];
