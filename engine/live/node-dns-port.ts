import { promises as dns } from 'node:dns';

import type { DnsPort, MxRecord } from './dns-port';

// The Node implementation of DnsPort. Only cli/ and bot/ (and tests) create it; the engine's checks
// see the DnsPort interface alone.

export interface NodeDnsPortOptions {
  /** Resolver addresses such as "10.0.0.53" or "127.0.0.1:5353"; empty or absent = the system's. */
  servers?: string[];
  /** Per-query timeout in ms (c-ares may lengthen later tries). Default 1000. */
  timeoutMs?: number;
  /** Tries per server. Default 2. */
  tries?: number;
}

export class NodeDnsPort implements DnsPort {
  readonly label: string;
  private readonly resolver: dns.Resolver;

  constructor(options: NodeDnsPortOptions = {}) {
    this.resolver = new dns.Resolver({ timeout: options.timeoutMs ?? 1000, tries: options.tries ?? 2 });
    const servers = (options.servers ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
    // setServers throws on a malformed address: better at start-up than as a silent "could not check".
    if (servers.length) this.resolver.setServers(servers);
    this.label = servers.length ? `DNS servers ${servers.join(', ')}` : 'system DNS servers';
  }

  resolveMx(name: string): Promise<MxRecord[]> {
    return this.resolver.resolveMx(name);
  }

  resolveTxt(name: string): Promise<string[][]> {
    return this.resolver.resolveTxt(name);
  }

  resolve4(name: string): Promise<string[]> {
    return this.resolver.resolve4(name);
  }

  resolve6(name: string): Promise<string[]> {
    return this.resolver.resolve6(name);
  }

  cancel(): void {
    this.resolver.cancel();
  }
}

/** Parses a DNS_SERVERS-style value: comma or whitespace separated addresses. */
export function parseDnsServers(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
