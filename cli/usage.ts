export const USAGE = `relay-doctor: diagnose "Relay Access Denied" from on-premises Exchange through Exchange Online Protection

Usage:
  relay-doctor diagnose [FILE...|-] [--domain D] [--answer ID=VALUE...] [--json] [--offline] [--ticket] [--redact]
  relay-doctor explain CAUSE_ID
  relay-doctor --help

diagnose   Reads each FILE (or standard input with - or no FILE): an NDR (text, .eml, HTML), a queue
           LastError, message tracking lines, Get-SendConnector / Get-InboundConnector /
           Get-AcceptedDomain / Get-ExchangeCertificate output, or Send protocol log lines.
           All inputs are diagnosed together.
  --domain D        your organization's domain; runs live DNS checks (MX, smart host, SPF)
  --answer ID=VALUE answer one of the questions the verdict lists (repeatable)
  --json            print the whole verdict as JSON
  --offline         no live checks
  --dns-server S    DNS server for live checks (repeatable; default: the system's)
  --ticket          print a self-contained summary for a ticket (markdown): symptom, what was read,
                    cause and evidence, ruled out, not checked, fix, verify, time
  --redact          replace e-mail addresses, IPs, host/domain and certificate names with placeholders
                    (domain-1, host-2, 203.0.113.x), the same value always the same placeholder
explain    Prints a cause's explanation and fix steps (cause ids: relay-doctor explain --list).

Exit codes: 0 a verdict was produced, 1 an input could not be read, 2 bad usage.
`;
