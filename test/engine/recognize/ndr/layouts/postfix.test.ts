import { postfix } from '../../../../../engine/recognize/ndr/layouts/postfix';
import { describeLayout } from '../../../../support/layout-table';

describeLayout(
  postfix,
  [
    {
      file: 'postfix-5764.txt',
      yields: [
        {
          by: 'postfix',
          layout: 'postfix',
          replyCode: '550',
          enhancedStatus: '5.7.64',
          remoteServer: 'contoso-com.mail.protection.outlook.com',
          remoteIp: '52.101.194.15',
          recipients: ['kim@fabrikam.example'],
          reply:
            '550 5.7.64 TenantAttribution; Relay Access Denied [BN1NAM02FT011.eop-nam02.prod.protection.outlook.com]',
        },
      ],
    },
  ],
  ['The server said: 550 5.7.1 go away', 'host mx.fabrikam.example said: 550 5.7.1 no brackets, no IP'],
);
