import type { DocumentLayout } from './types';

// Exchange 2013 and later: the "Diagnostic information for administrators" block (in any language: the
// scanner's label table finds it and adds this cue). A bare reply under it is Exchange 2013's.

export const adminBlock: DocumentLayout = {
  name: 'admin-block',
  layout: 'exchange2013',
  cue: 'admin-block',
  refines: ['smtp-reply'],
  exchangeServer: true,
};
