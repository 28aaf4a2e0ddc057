// One object read from PowerShell output, whatever the format (Format-List text or ConvertTo-Json).
// Values stay raw here; engine/recognize/powershell/values.ts reads them as text, lists, booleans.

/** A JSON value, or the text after ` : ` in Format-List output. */
export type PsRaw = string | number | boolean | null | PsRaw[] | { [key: string]: PsRaw };

export interface PsProperty {
  /** The property name as printed. */
  name: string;
  value: PsRaw;
  /**
   * The line the value was read from: Format-List as `Name : value` (alignment padding collapsed, a
   * console-wrapped value joined back into one line); JSON as its own `"Name":  value,` line.
   */
  line: string;
}

export interface PsObject {
  format: 'format-list' | 'json';
  /** Keyed by lower-case property name; insertion order is the printed order. */
  props: Map<string, PsProperty>;
}

export function getProp(obj: PsObject, name: string): PsProperty | undefined {
  return obj.props.get(name.toLowerCase());
}
