import type { CardJson } from './card-json';
import { ERROR_TEXTS, errorCode } from './card-texts';
import { expandTemplate } from './template';
import template from './templates/error.json';

/** A short apology with an error code the admin can quote; never a stack trace. */
export function buildErrorCard(code: string): CardJson {
  const safeCode = code.replace(/[^A-Za-z0-9-]/g, '').slice(0, 40);
  return expandTemplate(template, {
    texts: { ...ERROR_TEXTS, code: errorCode(safeCode) },
    advice: ERROR_TEXTS.advice,
  });
}
