import { exchange2010 } from '../../../../../engine/recognize/ndr/layouts/exchange2010';
import { describeLayout } from '../../../../support/layout-table';

describeLayout(
  exchange2010,
  [
    {
      file: 'exchange2010-5764.txt',
      yields: [
        {
          by: 'exchange2010',
          layout: 'exchange2010',
          replyCode: '550',
          enhancedStatus: '5.7.64',
          remoteServer: 'contoso-com.mail.protection.outlook.com',
          reply:
            '#550 5.7.64 TenantAttribution; Relay Access Denied [AM5EUR02FT025.eop-EUR02.prod.protection.outlook.com] ##',
        },
      ],
    },
    {
      file: 'exchange2010-541.txt',
      yields: [
        {
          by: 'exchange2010',
          layout: 'exchange2010',
          replyCode: '550',
          enhancedStatus: '5.4.1',
          remoteServer: 'contoso-com.mail.protection.outlook.com',
          reply: '#550 5.4.1 Relay Access Denied ##',
        },
      ],
    },
  ],
  [
    "Remote Server returned '550 5.7.64 TenantAttribution; Relay Access Denied'",
    'Ticket #12: 550 5.7.1 Relaying denied',
  ],
);
