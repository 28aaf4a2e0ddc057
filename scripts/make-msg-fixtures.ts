import fs from 'node:fs';
import path from 'node:path';

import { Attachment, Email } from '@tutao/oxmsg';

import { repoRoot } from '../test/support/paths';

// Writes the Outlook item (.msg) fixtures under test/fixtures/files with @tutao/oxmsg (a port of MsgKit
// that writes real compound files per MS-OXMSG), from the text NDR fixtures. Rerun after changing them:
//   npx tsc -p tsconfig.json && node dist/scripts/make-msg-fixtures.js

const ndrDir = path.join(repoRoot, 'test', 'fixtures', 'ndr');
const outDir = path.join(repoRoot, 'test', 'fixtures', 'files');

/** The fixture's body without its `#` provenance lines. */
function fixtureText(name: string): string {
  return fs
    .readFileSync(path.join(ndrDir, name), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('# '))
    .join('\n');
}

function write(name: string, email: Email): void {
  fs.writeFileSync(path.join(outDir, name), email.msg());
  process.stdout.write(`wrote ${name}\n`);
}

const when = new Date('2023-06-20T19:43:30Z');

// An NDR as Outlook saves it: message class REPORT.IPM.Note.NDR, the report as the body, the returned
// message attached.
const ndr = new Email()
  .sender('postmaster@contoso.com', 'Microsoft Outlook')
  .to('noreply@contoso.com')
  .subject('Undeliverable: Alert')
  .bodyText(fixtureText('exchange2013-5764.txt'))
  .sentOn(when)
  .receivedOn(when)
  .attach(
    new Attachment(
      new TextEncoder().encode(
        'From: Contoso Alerts <noreply@contoso.com>\r\nTo: <kim@fabrikam.example>\r\nSubject: Alert\r\n\r\nDisk space low on FS01.\r\n',
      ),
      'Alert.eml',
    ),
  );
(ndr as unknown as { _messageClass: string })._messageClass = 'REPORT.IPM.Note.NDR';
write('ndr-5764.msg', ndr);

// A colleague forwarded the bounce: an ordinary message whose attachment (an .eml) holds the DSN.
const forwarded = new Email()
  .sender('alex@contoso.com', 'Alex Wilber')
  .to('admin@contoso.com')
  .subject('FW: Undeliverable: Quarterly report')
  .bodyText('Can you look at the attached bounce? Mail to customers fails since this morning.')
  .sentOn(when)
  .attach(new Attachment(fs.readFileSync(path.join(ndrDir, 'dsn-5751.eml')), 'Undeliverable Quarterly report.eml'));
write('forwarded-dsn-5751.msg', forwarded);
