import { domainToASCII } from 'node:url';

import { normalizeHost } from '../knowledge/endpoints';

// Names as typed by people and printed by Exchange, brought to the form DNS answers use.

const DNS_NAME = /^(?=.{1,253}$)([a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)+$/;

/** A host or domain in lower-case ASCII (IDN to punycode), or undefined when it is not a DNS name. */
export function dnsName(input: string | undefined): string | undefined {
  if (!input) return undefined;
  let s = input.trim().replace(/^.*@/, ''); // an address was given: keep its domain
  s = normalizeHost(s);
  if (/[^\x00-\x7f]/.test(s)) s = domainToASCII(s);
  if (/^[\d.]+$/.test(s)) return undefined; // an IPv4 literal: nothing to look up
  return DNS_NAME.test(s) ? s : undefined;
}

/** True when `host` is `domain` or a name under it. */
export function isUnder(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}
