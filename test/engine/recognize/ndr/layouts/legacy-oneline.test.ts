import { legacyOneline } from '../../../../../engine/recognize/ndr/layouts/legacy-oneline';
import { describeLayout } from '../../../../support/layout-table';

describeLayout(
  legacyOneline,
  [
    {
      file: 'legacy-oneline.txt',
      yields: [
        {
          by: 'legacy-oneline',
          layout: 'legacy-oneline',
          replyCode: '530',
          enhancedStatus: '5.7.1',
          remoteServer: 'contoso.example',
          reply: 'contoso.example #<contoso.example #5.7.1 smtp;530 5.7.1 Client was not authenticated> #SMTP#',
        },
        {
          by: 'legacy-oneline',
          layout: 'legacy-oneline',
          enhancedStatus: '5.7.1',
          reply: 'kim@fabrikam.example #5.7.1 smtp;554 5.71 <kim@fabrikam.example>: Relay access denied',
        },
      ],
    },
  ],
  ['contoso-com.mail.protection.outlook.com #550 5.4.1 Relay Access Denied ##', 'Ticket #5 opened'],
);
