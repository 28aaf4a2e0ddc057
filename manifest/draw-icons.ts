import fs from 'node:fs';

import { drawColorIcon, drawOutlineIcon } from './icons';
import { colorIconPath, outlineIconPath } from './paths';

/** Redraw manifest/color.png and manifest/outline.png from icons.ts (a test checks they are current). */
export function writeIcons(): string[] {
  fs.writeFileSync(colorIconPath, drawColorIcon());
  fs.writeFileSync(outlineIconPath, drawOutlineIcon());
  return [colorIconPath, outlineIconPath];
}

if (require.main === module) {
  for (const file of writeIcons()) process.stdout.write(`wrote ${file}\n`);
}
