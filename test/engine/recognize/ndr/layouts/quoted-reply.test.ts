import { quotedReply } from '../../../../../engine/recognize/ndr/layouts/quoted-reply';
import { describeLayout } from '../../../../support/layout-table';

const REPLY = {
  by: 'quoted-reply',
  layout: 'exchange2013',
  replyCode: '550',
  enhancedStatus: '5.7.64',
  remoteServer: 'contoso-com.mail.protection.outlook.com',
  reply: '550 5.7.64 TenantAttribution; Relay Access Denied',
} as const;

describeLayout(
  quotedReply,
  [
    { file: 'localized-fr-5764.txt', yields: [{ ...REPLY }] },
    { file: 'localized-de-5764.txt', yields: [{ ...REPLY }] },
  ],
  ['#550 5.4.1 Relay Access Denied ##', "It's 550 5.7.1 again"],
);
