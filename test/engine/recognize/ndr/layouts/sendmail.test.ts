import { sendmail } from '../../../../../engine/recognize/ndr/layouts/sendmail';
import { describeLayout } from '../../../../support/layout-table';

const RELAY = '554 5.7.1 <kim@fabrikam.example>: Relay access denied';

describeLayout(
  sendmail,
  [
    // The reason and the transcript quote the same reply; the recognizer merges them later.
    {
      file: 'sendmail-transcript.txt',
      yields: [
        { by: 'sendmail', layout: 'sendmail', replyCode: '554', enhancedStatus: '5.7.1', reply: RELAY },
        { by: 'sendmail', layout: 'sendmail', replyCode: '554', enhancedStatus: '5.7.1', reply: RELAY },
      ],
    },
  ],
  ['<<< 354 Enter mail, end with "." on a line by itself', '(reason: unknown)'],
);
