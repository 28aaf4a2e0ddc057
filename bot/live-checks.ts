import os from 'node:os';

import type { LiveChecks } from '../dialogs/engine-port';
import { liveRequestFromFacts, NodeDnsPort, runLiveChecks } from '../engine/live/index';
import { type BotConfig, dnsServers } from './config';

/** Live DNS checks for the bot (MX, smart host, SPF), through the configured resolvers; undefined when off. */
export function createLiveChecks(config: BotConfig): LiveChecks | undefined {
  if (config.LIVE_CHECKS === 'off') return undefined;
  const port = new NodeDnsPort({ servers: dnsServers(config) });
  return (facts) =>
    runLiveChecks(liveRequestFromFacts(facts), port, { vantage: `relay-doctor bot on ${os.hostname()}` });
}
