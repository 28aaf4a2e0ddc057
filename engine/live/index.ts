// Live DNS evidence: the async step beside the pure engine. Callers create a port (NodeDnsPort in
// cli/ and bot/), run the checks and merge the observations into Facts.live.
export { type DnsPort, type MxRecord, type DnsFailure, dnsFailureOf } from './dns-port';
export { NodeDnsPort, parseDnsServers, type NodeDnsPortOptions } from './node-dns-port';
export { runLiveChecks, DEFAULT_LIVE_BUDGET_MS, MAX_CHECKED_HOSTS, type LiveCheckOptions } from './live-checks';
export { liveRequestFromFacts, type LiveRequest, type LiveRequestFromFacts, type DomainSource } from './live-request';
