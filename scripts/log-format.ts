// The bot's JSON log lines as one short readable line each in the launcher's terminal, and only from the
// level asked (LOG_LEVEL; the launcher's default keeps per-turn request lines out of the way).

const LEVELS: Record<string, number> = {
  trace: 10,
  debug: 20,
  info: 30,
  warn: 40,
  error: 50,
  fatal: 60,
  silent: Infinity,
};
const NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const SKIP = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'service', 'v']);

export function levelNumber(name: string | undefined, fallback: string): number {
  return LEVELS[(name ?? '').toLowerCase()] ?? LEVELS[fallback];
}

/** One formatted line, '' to drop it; a line that is not a JSON log line passes unchanged. */
export function formatLogLine(line: string, minLevel: number): string {
  // Node's deprecation notices about a dependency (restify's http_parser) are not the admin's concern.
  if (/DeprecationWarning|--trace-deprecation/.test(line)) return '';
  if (!line.startsWith('{')) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = typeof entry.level === 'number' ? entry.level : 30;
  if (level < minLevel) return '';
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 19) : '';
  const fields = Object.entries(entry)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' ');
  return `${time} ${(NAMES[level] ?? String(level)).padEnd(5)} ${String(entry.msg ?? '')}${fields ? ` ${fields}` : ''}`;
}
