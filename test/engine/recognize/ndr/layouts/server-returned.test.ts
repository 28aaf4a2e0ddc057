import { serverReturned } from '../../../../../engine/recognize/ndr/layouts/server-returned';
import { describeLayout } from '../../../../support/layout-table';

describeLayout(
  serverReturned,
  [
    {
      file: 'exchange2013-5764.txt',
      yields: [
        {
          by: 'server-returned',
          layout: 'exchange2013',
          replyCode: '550',
          enhancedStatus: '5.7.64',
          remoteServer: 'contoso-com.mail.protection.outlook.com',
          reply:
            '550 5.7.64 TenantAttribution; Relay Access Denied [DM3NAM02FT046.eop-nam02.prod.protection.outlook.com 2023-06-20T19:43:27.107Z 08DB718AC702989A]',
        },
      ],
    },
    {
      file: 'onprem-5754.txt',
      yields: [
        {
          by: 'server-returned',
          layout: 'exchange2013',
          replyCode: '550',
          enhancedStatus: '5.7.54',
          reply: '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain',
        },
      ],
    },
    // In an HTML part the layout is the page's.
    {
      file: 'html-5764.html',
      yields: [
        {
          by: 'server-returned',
          layout: 'html',
          replyCode: '550',
          enhancedStatus: '5.7.64',
          remoteServer: 'contoso-com.mail.protection.outlook.com',
          reply:
            '550 5.7.64 TenantAttribution; Relay Access Denied [AM5EUR02FT025.eop-EUR02.prod.protection.outlook.com]',
        },
      ],
    },
  ],
  ["Remote Server returned 'Relay denied'", "The server returned 'nothing useful' today"],
);
