// Get-AcceptedDomain object (Format-List or JSON) → AcceptedDomain fact.
import type { AcceptedDomain } from '../../facts';
import { getProp, type PsObject } from './ps-object';
import { toBool, toScalar } from './values';

const DOMAINISH = /^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\.?$/;

export function toAcceptedDomain(obj: PsObject): AcceptedDomain | undefined {
  const domainProp = getProp(obj, 'DomainName');
  let domainName = toScalar(domainProp?.value);
  let line = domainProp?.line;
  if (!domainName) {
    // `Format-List Name,DomainType`: the Name of an accepted domain is usually the domain itself.
    const name = getProp(obj, 'Name');
    const value = toScalar(name?.value);
    if (!value || !DOMAINISH.test(value)) return undefined;
    domainName = value;
    line = name?.line;
  }
  const domain: AcceptedDomain = { domainName };
  const type = toScalar(getProp(obj, 'DomainType')?.value);
  if (type) domain.domainType = type;
  const isDefault = toBool(getProp(obj, 'Default')?.value);
  if (isDefault !== undefined) domain.isDefault = isDefault;
  if (line !== undefined) domain.line = line;
  return domain;
}
