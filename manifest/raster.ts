import { PNG } from 'pngjs';

// A tiny anti-aliased rasterizer for the app icons: shapes are inside-tests in pixel space, sampled
// 4×4 per pixel, composited "source over". Enough for flat icons without a drawing dependency.

export type Rgba = readonly [number, number, number, number];
export type Shape = (x: number, y: number) => boolean;

const SUB = 4;

export class Raster {
  readonly data: Float64Array; // premultiplied RGBA, 0..1

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.data = new Float64Array(width * height * 4);
  }

  /** Paint a shape in one color; coverage of each pixel comes from SUB×SUB samples. */
  fill(shape: Shape, color: Rgba): this {
    const [r, g, b, a] = color.map((c, i) => (i < 3 ? c / 255 : c)) as unknown as Rgba;
    for (let py = 0; py < this.height; py++) {
      for (let px = 0; px < this.width; px++) {
        let hits = 0;
        for (let sy = 0; sy < SUB; sy++) {
          for (let sx = 0; sx < SUB; sx++) {
            if (shape(px + (sx + 0.5) / SUB, py + (sy + 0.5) / SUB)) hits++;
          }
        }
        if (hits === 0) continue;
        const alpha = (a * hits) / (SUB * SUB);
        const i = (py * this.width + px) * 4;
        const keep = 1 - alpha;
        this.data[i] = r * alpha + this.data[i] * keep;
        this.data[i + 1] = g * alpha + this.data[i + 1] * keep;
        this.data[i + 2] = b * alpha + this.data[i + 2] * keep;
        this.data[i + 3] = alpha + this.data[i + 3] * keep;
      }
    }
    return this;
  }

  /** Encode as an 8-bit RGBA PNG (straight alpha, as PNG wants). */
  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height, colorType: 6 });
    for (let i = 0; i < this.data.length; i += 4) {
      const alpha = this.data[i + 3];
      for (let c = 0; c < 3; c++) png.data[i + c] = alpha > 0 ? Math.round((this.data[i + c] / alpha) * 255) : 0;
      png.data[i + 3] = Math.round(alpha * 255);
    }
    return PNG.sync.write(png, { colorType: 6 });
  }
}

/** Rectangle with rounded corners. */
export function roundRect(x0: number, y0: number, x1: number, y1: number, radius: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + radius), x1 - radius);
    const cy = Math.min(Math.max(y, y0 + radius), y1 - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
}

export function circle(cx: number, cy: number, radius: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** A straight stroke of the given width with round ends. */
export function segment(ax: number, ay: number, bx: number, by: number, width: number): Shape {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
    return (x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= (width / 2) ** 2;
  };
}

export function union(...shapes: Shape[]): Shape {
  return (x, y) => shapes.some((s) => s(x, y));
}

export function minus(shape: Shape, hole: Shape): Shape {
  return (x, y) => shape(x, y) && !hole(x, y);
}
