import { circle, minus, Raster, type Rgba, roundRect, segment, type Shape, union } from './raster';

// The app's icons, drawn by code so they can be regenerated and checked: an envelope (mail) with a
// medical cross (a diagnosis). Teams wants color.png 192×192 in full color and outline.png 32×32 white
// on a transparent background.

export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
/** Same blue as the manifest's accentColor, so the icon blends into its tile. */
export const ACCENT: Rgba = [0x0b, 0x5c, 0xad, 1];
const WHITE: Rgba = [255, 255, 255, 1];
const BADGE: Rgba = [0xd1, 0x34, 0x38, 1];

function plus(cx: number, cy: number, arm: number, width: number): Shape {
  return union(
    roundRect(cx - arm, cy - width / 2, cx + arm, cy + width / 2, width / 4),
    roundRect(cx - width / 2, cy - arm, cx + width / 2, cy + arm, width / 4),
  );
}

/** 192×192, opaque: white envelope on the accent color, red badge with a white cross. */
export function drawColorIcon(): Buffer {
  const s = COLOR_ICON_SIZE;
  const envelope = roundRect(36, 52, 146, 130, 10);
  const flap = union(segment(42, 58, 91, 96, 9), segment(91, 96, 140, 58, 9));
  const badge = { x: 138, y: 128, r: 32 };
  return new Raster(s, s)
    .fill(() => true, ACCENT)
    .fill(envelope, WHITE)
    .fill(flap, ACCENT)
    .fill(circle(badge.x, badge.y, badge.r + 6), ACCENT)
    .fill(circle(badge.x, badge.y, badge.r), BADGE)
    .fill(plus(badge.x, badge.y, 19, 12), WHITE)
    .toPng();
}

/** 32×32, white on transparent: envelope outline and a cross, with a clear gap between them. */
export function drawOutlineIcon(): Buffer {
  const s = OUTLINE_ICON_SIZE;
  const frame = minus(roundRect(2, 7, 25, 25, 2.5), roundRect(4, 9, 23, 23, 1));
  const flap = union(segment(4.5, 10, 13.5, 17, 2), segment(13.5, 17, 22.5, 10, 2));
  const gap = circle(25, 24, 7);
  const envelope = minus(union(frame, flap), gap);
  return new Raster(s, s)
    .fill(envelope, WHITE)
    .fill(plus(25, 24, 5, 3), WHITE)
    .toPng();
}
