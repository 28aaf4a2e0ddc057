// What the engine knows about the admin's organization when it writes a fix. Every field is optional:
// a fix fills in what is known and leaves a `<placeholder>` (with a step saying where to read it) for
// the rest.

export interface FixContext {
  /** The Send connector that carries Internet mail, e.g. "Internet" (from Get-SendConnector). */
  sendConnectorName?: string;
  /** The inbound connector the cause is about, e.g. "From on-premises" (for partner-restriction: the Partner connector). */
  inboundConnectorName?: string;
  /** The organization's primary domain, e.g. contoso.com. */
  domain?: string;
  /** The tenant's EOP MX endpoint if known (live DNS or a valid smart host). Ignored unless it has an EOP endpoint format. */
  tenantEndpoint?: string;
  /** What the Send connector uses now. */
  currentSmartHost?: string;
  certificateThumbprint?: string;
  /** Full subject DN, e.g. "CN=mail.contoso.com, O=Contoso, C=US". */
  certificateSubject?: string;
  /** The CN / SAN that should be on the inbound connector, e.g. mail.contoso.com. */
  certificateName?: string;
  /** The domain to accept / use as *.domain, e.g. contoso.com. */
  certificateDomain?: string;
  /** Send connector Fqdn. */
  fqdn?: string;
  /** The public egress IPv4 address of the on-premises servers. */
  onPremIp?: string;
  senderDomain?: string;
  /** GCC High tenant (office365.us endpoints). */
  gccHigh?: boolean;
  /** Added: the application or device that needs an on-premises relay receive connector (onprem.receive-connector-relay). */
  relayClientIp?: string;
  /** Added: the certificate name the inbound connector expects (TlsSenderCertificateName, pasted or answered). */
  expectedCertificateName?: string;
  /** Added: the recipient EOP rejected (eop.recipient-not-found). */
  recipientAddress?: string;
}
