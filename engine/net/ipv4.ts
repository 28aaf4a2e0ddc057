// IPv4 address and CIDR matching for SenderIPAddresses (IPv4 or CIDR /24–/32; no IPv6 on connectors).

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

export function parseIpv4(text: string): number | undefined {
  const m = IPV4.exec(text.trim());
  if (!m) return undefined;
  const parts = m.slice(1, 5).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== undefined;
}

/** `203.0.113.10` in `203.0.113.0/24`, or equal to a single address. Ranges `a-b` are accepted too. */
function ipv4InEntry(ip: string, entry: string): boolean | undefined {
  const addr = parseIpv4(ip);
  if (addr === undefined) return undefined;
  const e = entry.trim();
  const range = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(e);
  if (range) {
    const lo = parseIpv4(range[1]);
    const hi = parseIpv4(range[2]);
    if (lo === undefined || hi === undefined) return undefined;
    return addr >= lo && addr <= hi;
  }
  const [base, bitsText] = e.split('/');
  const net = parseIpv4(base);
  if (net === undefined) return undefined;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return undefined;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (addr & mask) >>> 0 === (net & mask) >>> 0;
}

export function ipv4InList(ip: string, entries: readonly string[]): boolean | undefined {
  let unknown = false;
  for (const entry of entries) {
    const r = ipv4InEntry(ip, entry);
    if (r === true) return true;
    if (r === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}
