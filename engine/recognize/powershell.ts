// STUB: replaced by the PowerShell output recognizers (helper H2).
import type { AcceptedDomain, Certificate, InboundConnector, ProtocolLog, SendConnector } from '../facts';

export interface PowerShellFacts {
  sendConnectors: SendConnector[];
  inboundConnectors: InboundConnector[];
  acceptedDomains: AcceptedDomain[];
  certificates: Certificate[];
  protocolLogs: ProtocolLog[];
}

export function recognizePowerShell(_text: string): PowerShellFacts {
  return { sendConnectors: [], inboundConnectors: [], acceptedDomains: [], certificates: [], protocolLogs: [] };
}
