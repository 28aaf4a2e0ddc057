import type { FixContext } from './fix-context';

// Click paths (docs/knowledge.md#send-connector, docs/knowledge.md#inbound-connector).
// Each element is one place to click or one field to fill.

const sendName = (ctx: FixContext) => ctx.sendConnectorName?.trim() || 'your Internet Send connector';
const inboundName = (ctx: FixContext) => ctx.inboundConnectorName?.trim() || 'the inbound connector';

/** Exchange admin center 2013 or later, editing the Send connector's routing (docs/knowledge.md#send-connector). */
export function eacSendConnectorDelivery(ctx: FixContext): string[] {
  return [
    'Exchange admin center (Exchange 2013 or later)',
    'Mail flow',
    'Send connectors',
    `select ${sendName(ctx)}`,
    'Edit',
    'Delivery',
    'Route mail through smart hosts',
    '+ add the tenant endpoint',
    'Save',
  ];
}

/** The same in the Exchange 2010 Management Console (KB 2827473). */
export function emc2010SendConnector(ctx: FixContext): string {
  return `Exchange 2010: Exchange Management Console → Organization Configuration → Hub Transport → Send Connectors → ${sendName(ctx)} → Properties → Network → "Route mail through the following smart hosts"`;
}

export function eacSendConnectorList(ctx: FixContext): string[] {
  return ['Exchange admin center (Exchange 2013 or later)', 'Mail flow', 'Send connectors', `select ${sendName(ctx)}`];
}

export const EAC_NEW_SEND_CONNECTOR: readonly string[] = [
  'Exchange admin center (Exchange 2013 or later)',
  'Mail flow',
  'Send connectors',
  '+ (new)',
  'Name; type Internet or Custom',
  'Route mail through smart hosts',
  '+ the tenant endpoint',
  'Smart host authentication: None',
  'Address space + (SMTP, *, cost 1)',
  'Source server + (each Mailbox server that sends Internet mail)',
  'Finish',
];

export const EAC_CERTIFICATES: readonly string[] = [
  'Exchange admin center (Exchange 2013 or later)',
  'Servers',
  'Certificates',
  'select the server',
  'select the certificate',
  'Edit',
  'Services',
  'SMTP',
  'Save',
];

/** New Exchange admin center, creating the on-premises → Microsoft 365 connector (docs/knowledge.md#inbound-connector). */
export const EAC_NEW_INBOUND_CONNECTOR: readonly string[] = [
  'Exchange admin center (admin.exchange.microsoft.com)',
  'Mail flow',
  'Connectors',
  '+ Add a connector',
  "Connection from: Your organization's email server",
  'Next',
  'Connector name',
  'Next',
  'Authenticating sent email: verify the certificate subject name matches the domain (recommended), e.g. *.contoso.com',
  'Next',
  'Review connector',
  'Create connector',
];

export function eacEditInboundConnector(ctx: FixContext, change: string): string[] {
  return [
    'Exchange admin center (admin.exchange.microsoft.com)',
    'Mail flow',
    'Connectors',
    `select ${inboundName(ctx)}`,
    'Edit',
    change,
    'Save',
  ];
}

export const M365_DOMAINS: readonly string[] = [
  'Microsoft 365 admin center',
  'Settings',
  'Domains',
  'Add domain',
  'verify it with the TXT record shown',
  'finish setup',
];

export const EAC_ACCEPTED_DOMAINS: readonly string[] = [
  'Exchange admin center (admin.exchange.microsoft.com)',
  'Mail flow',
  'Accepted domains',
  'select the domain',
  'Internal relay',
  'Save',
];

export const DEFENDER_RESTRICTED_ENTITIES: readonly string[] = [
  'Microsoft Defender portal',
  'Email & collaboration',
  'Review',
  'Restricted entities',
  'select the connector',
  'Unblock',
];

export const EAC_RECEIVE_CONNECTORS: readonly string[] = [
  'Exchange admin center (Exchange 2013 or later)',
  'Mail flow',
  'Receive connectors',
  'select the server',
  '+ (new)',
  'Role: Frontend Transport, Type: Custom',
  'Network adapter bindings: port 25',
  'Remote network settings: the application or device IP addresses',
  'Finish',
  'Edit',
  'Security',
  'Permission groups: Anonymous users',
  'Save',
];

/** Microsoft's delisting portal for a blocked sending IP (a page the admin opens, not a citation). */
export const DELIST_URL = 'https://sender.office.com';

export const DELIST_PORTAL: readonly string[] = [
  DELIST_URL,
  'enter an email address and the blocked IP address',
  'open the confirmation link in the email',
  'Delist IP',
];
