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
