import { applicationWrapper } from '../../../../../engine/recognize/ndr/layouts/application-wrapper';
import { describeLayout } from '../../../../support/layout-table';

describeLayout(
  applicationWrapper,
  [
    {
      file: 'transcript-wrappers.txt',
      yields: [
        {
          by: 'application-wrapper',
          layout: 'smtp-reply',
          replyCode: '550',
          enhancedStatus: '5.7.64',
          reply: '550 5.7.64 TenantAttribution; Relay Access Denied',
        },
        {
          by: 'application-wrapper',
          layout: 'smtp-reply',
          enhancedStatus: '5.7.54',
          reply: '5.7.54 SMTP; Unable to relay recipient in non-accepted domain',
        },
        {
          by: 'application-wrapper',
          layout: 'smtp-reply',
          replyCode: '554',
          enhancedStatus: '5.7.1',
          remoteServer: 'mx.fabrikam.example',
          reply: '554 5.7.1 <kim@fabrikam.example>: Relay access denied',
        },
      ],
    },
  ],
  [
    // A bare code pair wins over a wrapper that names no host (bare-reply reads it).
    'Error: 550 5.7.1 Relaying denied',
    '> RCPT TO:<kim@fabrikam.example>',
  ],
);
