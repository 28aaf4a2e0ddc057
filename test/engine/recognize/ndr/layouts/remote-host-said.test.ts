import { remoteHostSaid } from '../../../../../engine/recognize/ndr/layouts/remote-host-said';
import { describeLayout } from '../../../../support/layout-table';

describeLayout(
  remoteHostSaid,
  [
    {
      file: 'qmail-remote-host-said.txt',
      yields: [
        {
          by: 'remote-host-said',
          layout: 'other',
          replyCode: '550',
          enhancedStatus: '5.7.64',
          reply: '550 5.7.64 TenantAttribution; Relay Access Denied',
        },
      ],
    },
  ],
  ['Remote host said: Relay denied', 'The remote host said nothing'],
);
