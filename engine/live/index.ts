// Live DNS evidence: the async step beside the pure engine. Callers create a port (NodeDnsPort in
// cli/ and bot/), run the checks and merge the observations into Facts.live.
export { runLiveChecks } from './live-checks';
export { liveRequestFromFacts } from './live-request';
export { NodeDnsPort, parseDnsServers } from './node-dns-port';
