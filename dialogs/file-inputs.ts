import type { TurnContext } from 'botbuilder';

// Files the host downloaded and read for this turn (bot/files), handed to the root dialog through turn
// state: the dialogs never fetch anything themselves.

export interface FileInput {
  /** The file name the user sent, for replies. */
  name: string;
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

/** The reply naming what was read from each file (its engine label) and what was not recognized. */
export function filesReadReply(read: Array<{ name: string; label?: string }>): string {
  const lines = read.map((r) => (r.label ? `- ${r.name}: ${r.label}` : `- ${r.name}: nothing I recognize (not a bounce or command output)`));
  return `Read ${read.length === 1 ? 'your file' : `${read.length} files`}:\n${lines.join('\n')}`;
}
