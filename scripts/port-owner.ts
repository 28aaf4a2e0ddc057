import fs from 'node:fs';
import net from 'node:net';

// Who holds a TCP port, for a one-line "port in use" message instead of an EADDRINUSE stack. Linux /proc
// only (the socket's inode in /proc/net/tcp*, then the process whose fd points at it); elsewhere, or
// when the process belongs to another user, the owner stays unknown.

/** True when `port` can be bound on `host` right now. */
export async function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is ADDR:PORT; state 0A is LISTEN; inode is the tenth field.
      if (f.length > 9 && f[1].endsWith(`:${hexPort}`) && f[3] === '0A') inodes.add(f[9]);
    }
  }
  return inodes;
}

/** `node dist/bot/index.js (pid 1234)` for the process listening on the port, when it can be found. */
export function portOwner(port: number): string | undefined {
  const inodes = listeningInodes(port);
  if (inodes.size === 0) return undefined;
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  } catch {
    return undefined;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        continue;
      }
      const m = /^socket:\[(\d+)\]$/.exec(target);
      if (m && inodes.has(m[1])) {
        let cmd = '';
        try {
          cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
        } catch {
          /* gone */
        }
        return `${cmd.length > 80 ? `${cmd.slice(0, 77)}...` : cmd || 'a process'} (pid ${pid})`;
      }
    }
  }
  return undefined;
}

/** The one line to print when a port is taken. */
export function busyPortMessage(port: number, what: string, variable: string, suggestion: number): string {
  const owner = portOwner(port);
  return `port ${port} for ${what} is in use${owner ? ` by ${owner}` : ''}: stop that process or set ${variable} to a free port (e.g. ${variable}=${suggestion} npm run playground)`;
}
