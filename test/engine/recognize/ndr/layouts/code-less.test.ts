import { codeLess } from '../../../../../engine/recognize/ndr/layouts/code-less';
import { describeLayout } from '../../../../support/layout-table';

describeLayout(
  codeLess,
  [
    {
      file: 'code-less.txt',
      yields: [
        {
          by: 'code-less',
          layout: 'smtp-reply',
          enhancedStatus: '5.7.750',
          reply: '5.7.750 Client blocked from sending from unregistered domain',
        },
        { by: 'code-less', layout: 'smtp-reply', reply: 'TLS negotiation failed with error UnknownCredentials' },
      ],
    },
    // Prose that quotes Microsoft's words without the code: a weak candidate, used only when nothing else is found.
    {
      file: 'code-less-prose.txt',
      yields: [
        {
          by: 'code-less',
          layout: 'smtp-reply',
          weak: true,
          reply:
            'Our scanner sends through the on-prem server and gets "Unable to relay recipient in non-accepted domain" back.',
        },
      ],
    },
  ],
  ['550 5.7.1 Relaying denied', 'The meeting moved to room 12 on Tuesday'],
);
