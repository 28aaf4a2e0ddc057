import fs from 'node:fs';
import path from 'node:path';

import { EXAMPLE_NDR } from '../dialogs/example-ndr';
import { repoRoot } from '../test/support/paths';

// Synthetic pastes of a chosen size, built from the project's own documented inputs (the example NDR,
// the PowerShell fixtures) and filler text that matches nothing. Each shape stresses a different path.

export type ShapeName = 'ndr-long-original' | 'mime-dsn-base64' | 'send-connector-list' | 'protocol-log';
export const SHAPES: readonly ShapeName[] = [
  'ndr-long-original',
  'mime-dsn-base64',
  'send-connector-list',
  'protocol-log',
];

function fixtureBody(file: string): string {
  const text = fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'powershell', file), 'utf8');
  // Drop the fixture's source header: the paste is what a user would copy from the shell.
  return text
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('# '))
    .join('\r\n')
    .trim();
}

/** Appends numbered units until the text reaches `size` characters, then cuts at a line end. */
function grow(head: string, unit: (i: number) => string, tail: string, size: number): string {
  const parts = [head];
  let length = head.length + tail.length;
  for (let i = 0; length < size; i++) {
    const u = unit(i);
    parts.push(u);
    length += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

const bodyLine = (i: number) =>
  `Line ${String(i).padStart(7, '0')}: figures for the quarterly review, see the attached sheet (contoso.com finance team).\r\n`;

function ndrLongOriginal(size: number): string {
  // The original message comes back under "Original message headers"/body: the long tail of a real NDR.
  return grow(`${EXAMPLE_NDR.replace(/\n/g, '\r\n')}\r\n\r\n`, bodyLine, '', size);
}

function base64Lines(i: number): string {
  const raw = Buffer.from(bodyLine(i).repeat(3), 'latin1').toString('base64');
  return `${raw.match(/.{1,76}/g)!.join('\r\n')}\r\n`;
}

function mimeDsnBase64(size: number): string {
  const boundary = 'b1_report';
  const inner = 'b2_original';
  const ndrText = EXAMPLE_NDR.replace(/\n/g, '\r\n');
  const head = [
    'From: postmaster@contoso.com',
    'To: admin@contoso.com',
    'Subject: Undeliverable: Test',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    ndrText,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns;EX01.contoso.com',
    '',
    'Final-Recipient: rfc822;someone@fabrikam.com',
    'Action: failed',
    'Status: 5.7.64',
    'Diagnostic-Code: smtp;550 5.7.64 TenantAttribution; Relay Access Denied',
    '',
    `--${boundary}`,
    'Content-Type: message/rfc822',
    '',
    'From: Admin <admin@contoso.com>',
    'To: someone@fabrikam.com',
    'Subject: Test',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${inner}"`,
    '',
    `--${inner}`,
    'Content-Type: text/plain',
    '',
    'See attached.',
    '',
    `--${inner}`,
    'Content-Type: application/octet-stream; name="sheet.csv"',
    'Content-Transfer-Encoding: base64',
    '',
    '',
  ].join('\r\n');
  const tail = `\r\n--${inner}--\r\n\r\n--${boundary}--\r\n`;
  return grow(head, base64Lines, tail, size);
}

function sendConnectorList(size: number): string {
  const block = fixtureBody('send-eop-healthy.txt');
  return grow('', (i) => `${block.replace(/Outbound to Office 365/g, `Outbound ${i}`)}\r\n\r\n`, '', size);
}

function protocolLog(size: number): string {
  const lines = fixtureBody('protocol-log-certificate.log').split('\r\n');
  const header = lines.filter((l) => l.startsWith('#')).join('\r\n');
  const data = lines.filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('[PS]'));
  return grow(`${header}\r\n`, (i) => `${data[i % data.length]}\r\n`, '', size);
}

const BUILDERS: Record<ShapeName, (size: number) => string> = {
  'ndr-long-original': ndrLongOriginal,
  'mime-dsn-base64': mimeDsnBase64,
  'send-connector-list': sendConnectorList,
  'protocol-log': protocolLog,
};

/** A paste of about `size` bytes (never less) in the given shape. */
export function buildPaste(shape: ShapeName, size: number): Uint8Array {
  return new Uint8Array(Buffer.from(BUILDERS[shape](size), 'utf8'));
}
