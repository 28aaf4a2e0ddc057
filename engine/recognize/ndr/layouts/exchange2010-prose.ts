import type { DocumentLayout } from './types';

// Exchange 2007/2010: "Delivery has failed to these recipients or groups", and "The following organization
// rejected your message: <host>" naming the server that refused it.

const ORG_REJECTED = /following organization rejected your message:\s{0,3}([A-Za-z0-9.-]{1,253})/i;

export const exchange2010Prose: DocumentLayout = {
  name: 'exchange2010-prose',
  layout: 'exchange2010',
  cue: 'exchange2010',
  refines: ['smtp-reply'],
  exchangeServer: true,
  prose: [/delivery has failed to these recipients or groups/i],
  remoteHost: (line) => ORG_REJECTED.exec(line)?.[1].replace(/\.$/, ''),
};
