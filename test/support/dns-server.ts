import dns2 from 'dns2';

// A real DNS server on 127.0.0.1 for tests (dns2 over UDP, a free port chosen by the OS). It answers
// from an in-memory zone; names can be set to answer SERVFAIL or REFUSED, or never to answer at all.
// Names outside the zone get NXDOMAIN. It never forwards a query anywhere.

const { Packet } = dns2;

interface ZoneRecords {
  A?: string[];
  AAAA?: string[];
  MX?: { exchange: string; priority: number }[];
  /** Each record as its character-strings (a plain string is one character-string). */
  TXT?: (string | string[])[];
}

export type Zone = Record<string, ZoneRecords>;

export interface DnsServerOptions {
  zone?: Zone;
  servfail?: string[];
  refused?: string[];
  /** Names never answered; `true` = the server answers nothing at all. */
  silent?: string[] | true;
}

export interface TestDnsServer {
  /** "127.0.0.1:<port>", the form NodeDnsPort's `servers` accepts. */
  address: string;
  port: number;
  /** Every query received, lower-cased name and type name, in order. */
  queries: { name: string; type: string }[];
  close(): Promise<void>;
}

const TYPE_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(Packet.TYPE as Record<string, number>).map(([k, v]) => [v, k]),
);

function records(name: string, type: string, data: ZoneRecords): object[] {
  const base = { name, class: Packet.CLASS.IN, ttl: 60 };
  switch (type) {
    case 'A':
      return (data.A ?? []).map((address) => ({ ...base, type: Packet.TYPE.A, address }));
    case 'AAAA':
      return (data.AAAA ?? []).map((address) => ({ ...base, type: Packet.TYPE.AAAA, address }));
    case 'MX':
      return (data.MX ?? []).map((mx) => ({ ...base, type: Packet.TYPE.MX, ...mx }));
    case 'TXT':
      return (data.TXT ?? []).map((t) => ({ ...base, type: Packet.TYPE.TXT, data: Array.isArray(t) ? t : [t] }));
    default:
      return [];
  }
}

export async function startDnsServer(options: DnsServerOptions = {}): Promise<TestDnsServer> {
  const zone = new Map(Object.entries(options.zone ?? {}).map(([k, v]) => [k.toLowerCase().replace(/\.$/, ''), v]));
  const lower = (xs: string[] | undefined) => new Set((xs ?? []).map((x) => x.toLowerCase()));
  const servfail = lower(options.servfail);
  const refused = lower(options.refused);
  const silentAll = options.silent === true;
  const silent = lower(options.silent === true ? [] : options.silent);
  const queries: TestDnsServer['queries'] = [];

  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const [q] = request.questions;
      const name = (q?.name ?? '').toLowerCase().replace(/\.$/, '');
      const type = TYPE_NAMES[q?.type ?? -1] ?? String(q?.type);
      queries.push({ name, type });
      if (silentAll || silent.has(name)) return; // the client times out
      const response = Packet.createResponseFromRequest(request);
      const data = zone.get(name);
      if (servfail.has(name)) response.header.rcode = Packet.RCODE.SERVFAIL;
      else if (refused.has(name)) response.header.rcode = Packet.RCODE.REFUSED;
      else if (!data) response.header.rcode = Packet.RCODE.NXDOMAIN;
      else response.answers.push(...(records(q.name, type, data) as typeof response.answers));
      void send(response);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  const port = addresses.udp?.port;
  if (!port) throw new Error('test DNS server did not bind a UDP port');
  return { address: `127.0.0.1:${port}`, port, queries, close: () => server.close() };
}
