// Where and when a live DNS lookup was made, in words: the admin must see that it ran from the bot's (or the
// command line's) host, not from their network, and when, in a local time they can place.

/** "from the Relay Doctor bot's host (DNS servers 10.0.0.53), not from your network, on 1 Dec 2026 at 22:15 UTC". */
export function describeVantage(vantage: string, observedAt: string, timeZone?: string): string {
  return `from ${vantageWords(vantage)}, not from your network, ${describeTime(observedAt, timeZone)}`;
}

/** "on 1 Dec 2026 at 22:15 UTC" in the given time zone (IANA name), UTC when none or unknown. */
function describeTime(iso: string, timeZone?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return `at ${iso}`;
  const fmt = (tz: string) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: tz,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    }).formatToParts(d);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `on ${get('day')} ${get('month')} ${get('year')} at ${get('hour')}:${get('minute')} ${get('timeZoneName')}`;
  };
  try {
    return fmt(timeZone ?? 'UTC');
  } catch {
    return fmt('UTC');
  }
}

/** "relay-doctor bot on web01 (DNS servers 10.0.0.53)" → "the Relay Doctor bot's server (web01, DNS servers 10.0.0.53)". */
function vantageWords(vantage: string): string {
  const v = vantage.trim();
  const m = /^relay-doctor( bot)? on (\S+)(?: \((.*)\))?$/i.exec(v);
  if (!m) return v || 'this host';
  const detail = [m[2], m[3]].filter(Boolean).join(', ');
  return m[1] ? `the Relay Doctor bot's server (${detail})` : `the computer running relay-doctor (${detail})`;
}
