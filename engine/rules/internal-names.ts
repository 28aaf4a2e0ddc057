// Names under suffixes that never resolve on the Internet: never an organization's public domain, and no
// public CA issues certificates for them, so a certificate that presents only such names is internal.
const INTERNAL_SUFFIX = /(^|\.)(local|lan|internal|corp|home|localdomain|intranet|private)$/i;

export function isInternalName(name: string): boolean {
  return INTERNAL_SUFFIX.test(name.trim().replace(/\.$/, '')) || !name.includes('.');
}
