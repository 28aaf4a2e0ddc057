import { bareReply } from '../../../../../engine/recognize/ndr/layouts/bare-reply';
import { describeLayout } from '../../../../support/layout-table';

describeLayout(
  bareReply,
  [
    {
      file: 'bare-reply.txt',
      yields: [
        {
          by: 'bare-reply',
          layout: 'smtp-reply',
          replyCode: '550',
          enhancedStatus: '5.7.64',
          reply: '550 5.7.64 TenantAttribution; Relay Access Denied SMTP.',
        },
      ],
    },
    // Exim: the host line a few lines above makes a bare reply Exim's.
    {
      file: 'exim-folded.txt',
      yields: [
        {
          by: 'bare-reply',
          layout: 'exim',
          replyCode: '550',
          enhancedStatus: '5.7.64',
          remoteServer: 'fabrikam-example.mail.protection.outlook.com',
          remoteIp: '52.101.194.15',
          reply: '550 5.7.64 TenantAttribution; Relay Access Denied',
        },
      ],
    },
    {
      file: 'exim-oneline.txt',
      yields: [
        {
          by: 'bare-reply',
          layout: 'exim',
          replyCode: '550',
          enhancedStatus: '5.7.1',
          remoteServer: 'mx.fabrikam.example',
          remoteIp: '203.0.113.25',
          reply: '550 5.7.1 Relaying denied',
        },
      ],
    },
    // The newest Exchange Online layout shows the bare status line, then the full reply; a line that is only
    // a status is read from prose.
    {
      file: 'exo-modern-attr36.txt',
      yields: [
        { by: 'bare-reply', layout: 'smtp-reply', replyCode: '550', enhancedStatus: '5.7.64', reply: '550 5.7.64' },
        {
          by: 'bare-reply',
          layout: 'smtp-reply',
          replyCode: '550',
          enhancedStatus: '5.7.64',
          reply:
            '550 5.7.64 Relay Access Denied ATTR36. For more details please refer to: https://support.microsoft.com/kb/3169958',
        },
        { by: 'code-less', layout: 'smtp-reply', enhancedStatus: '5.7.64', reply: '5.7.64', weak: true },
      ],
    },
    // A queue error that wraps the reply: the outer reply is read here, the inner one when classifying.
    {
      file: 'wrapped-starttls.txt',
      yields: [
        {
          by: 'bare-reply',
          layout: 'smtp-reply',
          replyCode: '451',
          enhancedStatus: '4.4.0',
          reply:
            '451 4.4.0 Primary target IP address responded with: "451 5.7.3 Must issue a STARTTLS command first." Attempted failover to alternate host, but that did not succeed. Either there are no alternate hosts, or delivery failed to all alternate hosts.',
        },
      ],
    },
  ],
  ['Relay access denied', '5.7.64 without a basic code'],
);
