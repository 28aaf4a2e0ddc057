// The "try an example" report: an Exchange 2013+ NDR layout with the EOP reply string
// `550 5.7.64 TenantAttribution; Relay Access Denied` and a bracketed EOP host, both quoted in
// docs/knowledge.md#families and #layouts (sources: learn.microsoft.com relay-access-denied-smtp,
// tenantattribution-ndr). Names and addresses are the documentation placeholders contoso.com/fabrikam.com.
export const EXAMPLE_NDR = [
  'Delivery has failed to these recipients or groups:',
  '',
  'someone@fabrikam.com',
  "Your message couldn't be delivered. Despite repeated attempts to deliver your message, the recipient's email system refused to accept a connection from your email system.",
  '',
  'Diagnostic information for administrators:',
  '',
  'Generating server: EX01.contoso.com',
  '',
  'someone@fabrikam.com',
  'contoso-com.mail.protection.outlook.com',
  "Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied [AM5EUR02FT025.eop-EUR02.prod.protection.outlook.com]'",
  '',
  'Original message headers:',
  '',
  'From: Admin <admin@contoso.com>',
  'To: someone@fabrikam.com',
  'Subject: Test',
].join('\n');
