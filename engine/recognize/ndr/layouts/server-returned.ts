import { findEnhancedStatus } from '../smtp-reply';
import { startsWithCode } from './reply-text';
import type { LineLayout } from './types';

// Exchange 2013 and later: `Remote Server returned '<reply>'`, `Server at X (ip) returned '<reply>'`.
// Without a named server the host is on a line of the admin block just before.

const SERVER_RETURNED = /server(?: at ([A-Za-z0-9.-]{1,253})(?: \(([0-9A-Fa-f:.]{2,45})\))?)? returned '/i;

export const serverReturned: LineLayout = {
  name: 'server-returned',
  layouts: ['exchange2013'],
  cue: / returned '/i,
  htmlPart: 'html',
  read({ line }) {
    const sr = SERVER_RETURNED.exec(line);
    if (!sr) return undefined;
    const start = sr.index + sr[0].length;
    const end = line.lastIndexOf("'");
    const reply = (end > start ? line.slice(start, end) : line.slice(start)).trim();
    if (!startsWithCode(reply) && !findEnhancedStatus(reply)) return undefined;
    return { layout: 'exchange2013', reply, remoteServer: sr[1], remoteIp: sr[2], lookBackForHost: !sr[1] };
  },
};
