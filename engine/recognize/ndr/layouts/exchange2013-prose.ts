import { isHostName } from '../smtp-reply';
import type { DocumentLayout } from './types';

// Exchange 2013 and later: "<host> rejected your message to the following email addresses" (or "<host> gave
// this error") names the server that refused it.

const HOST_REJECTED =
  /^\s{0,4}([A-Za-z0-9.-]{1,253}) (?:rejected your message to the following e-?mail addresses|gave this error)/i;

export const exchange2013Prose: DocumentLayout = {
  name: 'exchange2013-prose',
  layout: 'exchange2013',
  cue: 'exchange2013',
  refines: ['smtp-reply'],
  exchangeServer: true,
  remoteHost(line) {
    const host = HOST_REJECTED.exec(line)?.[1];
    return host && isHostName(host) ? host : undefined;
  },
};
