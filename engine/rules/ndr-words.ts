import type { NdrFacts } from '../facts';

// How the admin calls the pasted failure: the queue error, the tracking entry, the bounce message.

const NDR_WORDS: Partial<Record<NdrFacts['layout'], string>> = {
  'queue-lasterror': 'the queue error',
  'message-tracking': 'the message tracking entry',
  'smtp-reply': 'the server reply you pasted',
};

export function ndrWords(ndr: NdrFacts | undefined): string {
  return (ndr && NDR_WORDS[ndr.layout]) ?? 'the bounce message (NDR)';
}
