// Just enough of SPF (RFC 7208) to find where a record sends the reader next: include: and redirect=.

export interface SpfRecord {
  text: string;
  /** Domains of `include:` mechanisms that authorize (qualifier + or none, or ? / ~ that still name a sender). */
  includes: string[];
  redirect?: string;
}

/** TXT character-strings are concatenated without separators to form one record (RFC 7208 §3.3). */
export function txtRecordText(chunks: string[]): string {
  return chunks.join('');
}

export function isSpfRecord(text: string): boolean {
  return /^v=spf1(\s|$)/i.test(text.trim());
}

export function parseSpf(text: string): SpfRecord {
  const terms = text.trim().split(/\s+/).slice(1);
  const includes: string[] = [];
  let redirect: string | undefined;
  for (const term of terms) {
    const inc = /^([+?~-]?)include:(.+)$/i.exec(term);
    // A "-include" names a source that must fail: it does not authorize that sender.
    if (inc && inc[1] !== '-') includes.push(inc[2].toLowerCase().replace(/\.$/, ''));
    const red = /^redirect=(.+)$/i.exec(term);
    if (red) redirect = red[1].toLowerCase().replace(/\.$/, '');
  }
  return { text, includes, redirect };
}
