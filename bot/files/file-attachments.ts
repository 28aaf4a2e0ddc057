import type { Activity, TurnContext } from 'botbuilder';
import { setFileInputs, type FileInput } from '../../dialogs/file-inputs';
import type { HostRule } from './allowed-hosts';
import { downloadFile, type DownloadResult } from './download-file';
import { fileText, type FileText } from './file-text';

/** What Teams sends for a file shared with the bot in a personal chat. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export interface FileOptions {
  hosts: readonly HostRule[];
  maxBytes: number;
  timeoutMs: number;
  /** Files read from one message; more are named and skipped. */
  maxFiles: number;
}

export const SHARE_IN_CHANNEL =
  'I can only open files in our one-to-one chat. Here, paste the bounce as text, or use "Diagnose with Relay Doctor" ' +
  'from the message\'s "More actions" menu (…). To send the file itself, open a chat with me and attach it there.';

interface FileAttachment {
  name: string;
  url: string;
}

function fileAttachments(activity: Partial<Activity>): FileAttachment[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === FILE_DOWNLOAD_INFO)
    .map((a) => ({
      name: typeof a.name === 'string' && a.name.trim() ? a.name.trim().slice(0, 120) : 'the file',
      url: typeof (a.content as { downloadUrl?: unknown } | undefined)?.downloadUrl === 'string' ? (a.content as { downloadUrl: string }).downloadUrl : '',
    }));
}

/** The user's words for why a file was not read. */
export function fileProblem(name: string, problem: Exclude<DownloadResult, { ok: true }>['reason'] | Exclude<FileText, { ok: true }>['reason']): string {
  switch (problem) {
    case 'host-not-allowed':
    case 'not-https':
    case 'credentials':
    case 'bad-url':
    case 'redirect-elsewhere':
      return `I did not open ${name}: it does not come from your organization's OneDrive or SharePoint, so I do not download it. Paste its text instead.`;
    case 'too-large':
      return `I did not read ${name}: it is larger than I accept. Save only the bounce (or the command output) and send that.`;
    case 'timeout':
    case 'network':
    case 'http-error':
      return `I could not download ${name} just now. Send it again, or paste its text.`;
    case 'binary':
    case 'not-outlook-item':
      return `I cannot read ${name}: it is not an e-mail (.msg, .eml) or text (.txt, .log, .html, .json). Save the bounce from Outlook, or paste its text.`;
    case 'empty':
      return `${name} is empty.`;
  }
}

/**
 * Files attached to a message. Outside the personal chat the bot cannot download them (that needs Graph
 * permissions), so it says how to share the bounce instead. In the personal chat each file is downloaded,
 * read by its content, and handed to the dialogs through turn state; what could not be read is said.
 * Returns false when the turn should stop here (nothing readable arrived).
 */
export async function takeFiles(context: TurnContext, options: FileOptions): Promise<boolean> {
  const files = fileAttachments(context.activity);
  if (files.length === 0) return true;
  const type = context.activity.conversation?.conversationType;
  if (type && type !== 'personal') {
    await context.sendActivity(SHARE_IN_CHANNEL);
    return false;
  }
  const read: FileInput[] = [];
  const problems: string[] = [];
  for (const [i, file] of files.entries()) {
    if (i >= options.maxFiles) {
      problems.push(`I read only the first ${options.maxFiles} files; ${file.name} was skipped.`);
      continue;
    }
    const downloaded = await downloadFile(file.url, options);
    if (!downloaded.ok) {
      problems.push(fileProblem(file.name, downloaded.reason));
      continue;
    }
    const text = fileText(downloaded.bytes);
    if (!text.ok) problems.push(fileProblem(file.name, text.reason));
    else for (const part of text.parts) read.push({ name: file.name, part: part.name, text: part.text });
  }
  for (const p of problems) await context.sendActivity(p);
  if (read.length === 0) return false;
  setFileInputs(context, read);
  return true;
}
