// The same long command on several steps in a row is noise: it is shown once, and later steps refer back
// to where it stands ("the same command as in Do this first"). Short commands are cheap to repeat.

/** Commands shorter than this are repeated; longer ones are shown once. */
export const REPEAT_MIN_CHARS = 100;

/** Remembers where each long command was first shown; `Place` is whatever names a place in a view. */
export class CommandRefs<Place> {
  private readonly seen = new Map<string, Place>();

  /** Where `command` was already shown, or undefined (and it is remembered under `where`). */
  shownAt(command: string, where: Place): Place | undefined {
    const key = command.trim();
    if (key.length < REPEAT_MIN_CHARS) return undefined;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) return earlier;
    this.seen.set(key, where);
    return undefined;
  }
}
