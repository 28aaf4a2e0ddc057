import MsgReader, { type FieldsData } from '@kenjiuno/msgreader';

// An Outlook item file (.msg) as text the engine can read. For a non-delivery report (message class
// REPORT.IPM.Note.NDR) the report body alone often lacks the remote server's reply: Outlook keeps it per
// recipient (PR_SUPPLEMENTARY_INFO) and the returned message as an attachment, so those are read too.

const PR_SUPPLEMENTARY_INFO = 0x0c1b;
const PR_REPORT_TEXT = 0x1001;
const STRING_TYPES = new Set([0x001f, 0x001e]);

/** An attachment's bytes handed back to the caller's sniffing, one level deeper. */
export type ReadAttachment = (name: string, bytes: Uint8Array) => ItemPart[];

/** The item's own text, then each readable attachment (a returned message, a saved bounce) on its own. */
export interface ItemPart {
  name?: string;
  text: string;
}

function decodeString(type: number, raw: Uint8Array): string {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  return (type === 0x001f ? buf.toString('utf16le') : buf.toString('latin1')).replace(/\u0000+$/, '');
}

/** Reads the item; undefined when the compound file is not an Outlook item. */
export function outlookMsgText(bytes: Uint8Array, readAttachment: ReadAttachment): ItemPart[] | undefined {
  const reports = new Map<FieldsData, string[]>();
  const reader = new MsgReader(new Uint8Array(bytes).buffer);
  reader.parserConfig = {
    propertyObserver: (fields: FieldsData, tag: number, raw: Uint8Array | null) => {
      const id = tag >>> 16;
      if (!raw || !STRING_TYPES.has(tag & 0xffff) || (id !== PR_SUPPLEMENTARY_INFO && id !== PR_REPORT_TEXT)) return;
      const text = decodeString(tag & 0xffff, raw).trim();
      // A string's entry in the property stream is its size (8 bytes, no text); its stream holds the text.
      if (raw.byteLength === 8 && !/[A-Za-z0-9]{2}/.test(text)) return;
      if (text) reports.set(fields, [...(reports.get(fields) ?? []), text]);
    },
  };
  const data = reader.getFileData();
  if (data.error || data.dataType !== 'msg') return undefined;
  return itemParts(reader, data, reports, readAttachment);
}

function itemParts(
  reader: MsgReader,
  item: FieldsData,
  reports: Map<FieldsData, string[]>,
  readAttachment: ReadAttachment,
  name?: string,
): ItemPart[] {
  const parts: string[] = [];
  if (item.headers) parts.push(item.headers.trim());
  if (item.subject) parts.push(`Subject: ${item.subject}`);
  const body = item.body?.trim() || (item.bodyHtml ?? '').trim();
  if (body) parts.push(body);
  for (const recipient of item.recipients ?? []) {
    for (const text of reports.get(recipient) ?? [])
      parts.push(`${recipient.email ?? recipient.name ?? ''}\n${text}`.trim());
  }
  for (const text of reports.get(item) ?? []) parts.push(text);
  const result: ItemPart[] = [{ name, text: parts.filter(Boolean).join('\n\n') }];
  for (const attachment of item.attachments ?? []) {
    const label = attachment.fileName ?? attachment.name ?? 'attachment';
    if (attachment.innerMsgContent && attachment.innerMsgContentFields) {
      result.push(...itemParts(reader, attachment.innerMsgContentFields, reports, readAttachment, label));
      continue;
    }
    const file = reader.getAttachment(attachment);
    if (file.content)
      result.push(...readAttachment(label, file.content).map((p) => ({ name: p.name ?? label, text: p.text })));
  }
  return result.filter((p) => p.text.trim() !== '');
}
