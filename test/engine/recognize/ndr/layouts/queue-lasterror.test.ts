import { queueLastError } from '../../../../../engine/recognize/ndr/layouts/queue-lasterror';
import { describeLayout } from '../../../../support/layout-table';

describeLayout(
  queueLastError,
  [
    {
      file: 'queue-lasterror.txt',
      yields: [
        {
          by: 'queue-lasterror',
          layout: 'queue-lasterror',
          replyCode: '550',
          enhancedStatus: '5.7.64',
          remoteServer: 'contoso-com.mail.protection.outlook.com',
          remoteIp: '52.101.194.15',
          reply:
            '550 5.7.64 TenantAttribution; Relay Access Denied [CH3PEPF00000016.namprd21.prod.outlook.com 2025-01-29T19:07:30.476Z 08DD3FA5DBC8F401]',
        },
      ],
    },
    {
      file: 'message-tracking-5751.txt',
      yields: [
        {
          by: 'queue-lasterror',
          layout: 'message-tracking',
          replyCode: '550',
          enhancedStatus: '5.7.51',
          remoteServer: 'contoso-mail-onmicrosoft-com.mail.protection.outlook.com',
          remoteIp: '52.101.194.15',
          reply:
            "550 5.7.51 TenantInboundAttribution; There is a partner connector configured that matched the message's recipient domain. The connector had either the RestrictDomainsToIPAddresses or RestrictDomainsToCertificate set [CH3PEPF00000016.namprd21.prod.outlook.com 2025-01-29T19:07:30.476Z 08DD3FA5DBC8F401]",
        },
      ],
    },
  ],
  ['LastError : [{LRT=};{LED=};{FQDN=};{IP=}]', '{LED=Connection lost}'],
);
