import type { FixStep, Shell } from '../verdict';

// Which shell a command belongs in, read from the cmdlets it calls: the connectors and domains of the tenant
// live in Exchange Online PowerShell, the server's connectors, certificates, queues and logs in the Exchange
// Management Shell on premises. A command that mixes both (it cannot) or calls neither gets no shell.

const EXCHANGE_ONLINE = /\b(?:Get|Set|New|Remove)-(?:InboundConnector|OutboundConnector|AcceptedDomain|HostedConnectionFilterPolicy|BlockedConnector)\b|\bGet-MessageTraceV2\b|\bGet-Recipient\b/i;
const ON_PREMISES = /\b(?:Get|Set|New|Remove|Enable|Import)-(?:SendConnector|ReceiveConnector|ExchangeCertificate|TransportService)\b|\b(?:Get|Retry)-Queue\b|\bGet-MessageTrackingLog\b|\bAdd-ADPermission\b/i;
const WINDOWS = /\bResolve-DnsName\b/i;

export function shellOf(powershell: string): Shell | undefined {
  const cloud = EXCHANGE_ONLINE.test(powershell);
  const onPrem = ON_PREMISES.test(powershell);
  if (cloud && !onPrem) return 'exchange-online';
  if (onPrem && !cloud) return 'exchange-management-shell';
  if (!cloud && !onPrem && WINDOWS.test(powershell)) return 'windows';
  return undefined;
}

/** The step with its shell filled in (an explicit shell stays). */
export function withShell(step: FixStep): FixStep {
  if (!step.powershell || step.shell) return step;
  const shell = shellOf(step.powershell);
  return shell ? { ...step, shell } : step;
}

/** The shell's name as an admin knows it. */
export const SHELL_WORDS: Record<Shell, string> = {
  'exchange-online': 'Exchange Online PowerShell (Connect-ExchangeOnline)',
  'exchange-management-shell': 'Exchange Management Shell, on your Exchange server',
  windows: 'Windows PowerShell, on any computer',
};
