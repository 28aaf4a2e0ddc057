import type { FixStep, Shell } from '../verdict';

// Which shell a command belongs in, read from the cmdlets it calls: the connectors and domains of the tenant
// live in Exchange Online PowerShell, the server's connectors, certificates, queues and logs in the Exchange
// Management Shell on premises. A command that mixes both (it cannot) or calls neither gets no shell.

const EXCHANGE_ONLINE =
  /\b(?:Get|Set|New|Remove)-(?:InboundConnector|OutboundConnector|AcceptedDomain|HostedConnectionFilterPolicy|BlockedConnector)\b|\bGet-MessageTraceV2\b|\bGet-Recipient\b/i;
const ON_PREMISES =
  /\b(?:Get|Set|New|Remove|Enable|Import)-(?:SendConnector|ReceiveConnector|ExchangeCertificate|TransportService)\b|\b(?:Get|Retry)-Queue\b|\bGet-MessageTrackingLog\b|\bAdd-ADPermission\b/i;
const WINDOWS = /\bResolve-DnsName\b/i;

export function shellOf(powershell: string): Shell | undefined {
  const cloud = EXCHANGE_ONLINE.test(powershell);
  const onPrem = ON_PREMISES.test(powershell);
  if (cloud && !onPrem) return 'exchange-online';
  if (onPrem && !cloud) return 'exchange-management-shell';
  if (!cloud && !onPrem && WINDOWS.test(powershell)) return 'windows';
  return undefined;
}

// Step texts written before shells were data start with the shell's name; with `shell` set it is said once.
const SHELL_PREFIX =
  /^In (?:the Exchange Management Shell on premises|Exchange Online PowerShell \(Connect-ExchangeOnline\))(?: \(([^)]*)\))?: /;

/** The step with its shell filled in (an explicit shell stays), and the shell no longer repeated in its words. */
export function withShell(step: FixStep): FixStep {
  if (!step.powershell) return step;
  const shell = step.shell ?? shellOf(step.powershell);
  if (!shell) return step;
  const m = SHELL_PREFIX.exec(step.text);
  const rest = m ? step.text.slice(m[0].length) : step.text;
  const text = m
    ? `${m[1] ? `${m[1].charAt(0).toUpperCase()}${m[1].slice(1)}: ${rest}` : `${rest.charAt(0).toUpperCase()}${rest.slice(1)}`}`
    : step.text;
  return { ...step, text, shell };
}

/** The shell's name as an admin knows it. */
export const SHELL_WORDS: Record<Shell, string> = {
  'exchange-online': 'Exchange Online PowerShell (Connect-ExchangeOnline)',
  'exchange-management-shell': 'Exchange Management Shell, on your Exchange server',
  windows: 'Windows PowerShell, on any computer',
};

/** The line above a command in every view: the shell it runs in. */
export const runIn = (shell: Shell): string => `In ${SHELL_WORDS[shell]}:`;
