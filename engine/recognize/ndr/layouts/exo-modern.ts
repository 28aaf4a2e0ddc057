import type { DocumentLayout } from './types';

// Exchange Online's newest report ("More info for email admins", "Message hops", "How to fix it"): its reply
// line reads like Exchange 2013's or a bare reply, the prose around it says which it is.

export const exoModern: DocumentLayout = {
  name: 'exo-modern',
  layout: 'exo-modern',
  cue: 'exo-modern',
  refines: ['exchange2013', 'smtp-reply'],
  exchangeServer: false,
  prose: [/more info for email admins|message hops|how to fix it/i],
};
