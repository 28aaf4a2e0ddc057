import type { TurnContext } from 'botbuilder';

// Files the host downloaded and read for this turn (bot/files), handed to the root dialog through turn
// state: the dialogs never fetch anything themselves.

export interface FileInput {
  /** The file name the user sent, for replies. */
  name: string;
  /** Inside an Outlook item: the attachment this text came from. */
  part?: string;
  text: string;
}

const FILE_INPUTS = Symbol('relayDoctor.fileInputs');

export function setFileInputs(context: TurnContext, files: FileInput[]): void {
  context.turnState.set(FILE_INPUTS, files);
}

export function fileInputsOf(context: TurnContext): FileInput[] | undefined {
  const files = context.turnState.get(FILE_INPUTS) as FileInput[] | undefined;
  return files && files.length > 0 ? files : undefined;
}

/** The reply naming what was read from each file (the engine's labels), or that nothing in it was recognized. */
export function filesReadReply(read: Array<{ name: string; label?: string }>): string {
  const byFile = new Map<string, string[]>();
  for (const r of read) byFile.set(r.name, [...(byFile.get(r.name) ?? []), ...(r.label ? [r.label] : [])]);
  const lines = [...byFile].map(([name, labels]) => (labels.length > 0
    ? `- ${name}: ${[...new Set(labels)].join(', ')}`
    : `- ${name}: nothing I recognize (no bounce or command output in it)`));
  return `Read ${byFile.size === 1 ? 'your file' : `${byFile.size} files`}:\n${lines.join('\n')}`;
}
