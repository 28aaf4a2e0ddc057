// Minimal types for emailjs-mime-parser 2.x (the package ships none): only what engine/mime reads.
declare module 'emailjs-mime-parser' {
  export interface ParsedHeader {
    /** Parsed value: a string, or a list of addresses for address headers. */
    value: unknown;
    /** The unfolded header value as it stood in the message. */
    initial?: string;
    params?: Record<string, string>;
  }
  export interface MimeNode {
    /** Unfolded header lines, as written. */
    header: string[];
    /** Lower-case header name → parsed values. */
    headers: Record<string, ParsedHeader[] | undefined>;
    childNodes: MimeNode[];
    /** The node's own lines (headers, blank line, body), joined with `\n`. */
    raw: string;
    contentType?: { value: string; type: string; params: Record<string, string> };
    contentTransferEncoding?: { value: string };
  }
  export default function parse(chunk: string | Uint8Array): MimeNode;
}
