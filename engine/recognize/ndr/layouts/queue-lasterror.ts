import { findEnhancedStatus, isHostName } from '../smtp-reply';
import type { LineLayout } from './types';

// Queue LastError (Get-Queue / Get-Message) and message tracking RecipientStatus:
// `[{LRT=…};{LED=550 5.7.64 …};{FQDN=host};{IP=1.2.3.4}]`. The reply is the LED field; FQDN and IP name the
// remote server, LRT is when it answered. A tracking line says FAIL / DEFER or is a RecipientStatus.

const TRACKING = /recipientstatus|,(?:fail|defer),|\bFAIL\b|\bDEFER\b/i;

export const queueLastError: LineLayout = {
  name: 'queue-lasterror',
  layouts: ['queue-lasterror', 'message-tracking'],
  cue: /\{LED=/,
  claimsLine: true,
  htmlPart: 'own',
  read({ line }) {
    const led = line.indexOf('{LED=');
    if (led < 0) return undefined;
    const end = line.indexOf('};', led);
    const reply = (end < 0 ? line.slice(led + 5).replace(/\}\]?\s*$/, '') : line.slice(led + 5, end)).trim();
    if (!/^[245]\d\d/.test(reply) && !findEnhancedStatus(reply)) return undefined;
    const fqdn = /\{FQDN=([^};]{1,253})\}/.exec(line)?.[1]?.trim();
    const ip = /\{IP=([0-9A-Fa-f:.]{2,45})\}/.exec(line)?.[1];
    const lrt = /\{LRT=([^};]{1,60})\}/.exec(line)?.[1];
    return {
      layout: TRACKING.test(line) ? 'message-tracking' : 'queue-lasterror',
      reply,
      remoteServer: fqdn && isHostName(fqdn) ? fqdn : undefined,
      remoteIp: ip,
      timestamps: lrt ? [lrt.trim()] : [],
    };
  },
};
