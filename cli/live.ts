import type { Facts, LiveObservation } from '../engine/index';

/** Live DNS checks for the CLI (wired to engine/live when it lands). */
export async function liveFactsFor(_facts: Facts, _servers?: string[]): Promise<LiveObservation[]> {
  return [];
}
