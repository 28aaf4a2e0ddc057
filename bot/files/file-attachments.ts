import type { Activity, TurnContext } from 'botbuilder';

import { type FileInput, setFileInputs } from '../../dialogs/file-inputs';
import { fileProblem, fileSkippedReply, SHARE_IN_CHANNEL, UNNAMED_FILE } from '../../dialogs/replies';
import type { HostRule } from './allowed-hosts';
import { downloadFile } from './download-file';
import { fileText } from './file-text';

/** What Teams sends for a file shared with the bot in a personal chat. */
export const FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

export interface FileOptions {
  hosts: readonly HostRule[];
  maxBytes: number;
  timeoutMs: number;
  /** Files read from one message; more are named and skipped. */
  maxFiles: number;
}

interface FileAttachment {
  name: string;
  url: string;
}

function fileAttachments(activity: Partial<Activity>): FileAttachment[] {
  return (activity.attachments ?? [])
    .filter((a) => a.contentType === FILE_DOWNLOAD_INFO)
    .map((a) => ({
      name: typeof a.name === 'string' && a.name.trim() ? a.name.trim().slice(0, 120) : UNNAMED_FILE,
      url:
        typeof (a.content as { downloadUrl?: unknown } | undefined)?.downloadUrl === 'string'
          ? (a.content as { downloadUrl: string }).downloadUrl
          : '',
    }));
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
      problems.push(fileSkippedReply(options.maxFiles, file.name));
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
