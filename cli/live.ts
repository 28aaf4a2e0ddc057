import os from 'node:os';

import type { Facts, LiveObservation } from '../engine/index';
import { liveRequestFromFacts, NodeDnsPort, parseDnsServers, runLiveChecks } from '../engine/live/index';
import { vantage } from './cli-texts';

/** Live DNS checks for the CLI: servers from --dns-server, else DNS_SERVERS, else the system's. */
export async function liveFactsFor(facts: Facts, servers?: string[]): Promise<LiveObservation[]> {
  const list = servers?.length ? servers : parseDnsServers(process.env.DNS_SERVERS);
  const port = new NodeDnsPort({ servers: list });
  const request = liveRequestFromFacts(facts);
  return runLiveChecks(request, port, { vantage: vantage(os.hostname()) });
}
