// The exact partition on a canvas: each region's polygon shaded by its own affine map (a linear gradient is
// exactly an affine function of the pixel), region edges, the exact decision boundary, and the data points.

// Blue–white–orange, colour-blind safe; piecewise linear in RGB between these stops, as the canvas interpolates.
export const PALETTE = [[33, 102, 172], [146, 197, 222], [247, 247, 247], [253, 184, 99], [224, 130, 20]];
const CLASS_COLORS = ['#2166ac', '#e08214', '#1b7837', '#762a83', '#b2182b', '#4d4d4d', '#8c510a', '#01665e'];

/** Colour of value v on the scale [-scale, scale]. */
export function color(v, scale) {
  const t = Math.min(1, Math.max(0, (v / scale + 1) / 2)) * (PALETTE.length - 1);
  const i = Math.min(PALETTE.length - 2, Math.floor(t));
  const a = PALETTE[i];
  const b = PALETTE[i + 1];
  const u = t - i;
  return `rgb(${a.map((x, k) => Math.round(x + (b[k] - x) * u)).join(',')})`;
}

/** The shading function of a region: [sx, sy, c] with value sx·x + sy·y + c, or null (argmax colours). */
export function shading(region, outputs) {
  const A = region.A;
  const c = region.c;
  if (outputs === 1) return [A[0][0], A[0][1], c[0]];
  if (outputs === 2) return [A[1][0] - A[0][0], A[1][1] - A[0][1], c[1] - c[0]];
  return null;
}

export class View {
  constructor(canvas) {
    this.canvas = canvas;
    this.box = [-1.2, 1.2, -1.2, 1.2];
    this.frame = null;
    this.points = null;
    this.scale = 3;
  }

  px(x) { return ((x - this.box[0]) / (this.box[1] - this.box[0])) * this.canvas.width; }

  py(y) { return (1 - (y - this.box[2]) / (this.box[3] - this.box[2])) * this.canvas.height; }

  world(px, py) {
    const b = this.box;
    return [b[0] + (px / this.canvas.width) * (b[1] - b[0]), b[3] - (py / this.canvas.height) * (b[3] - b[2])];
  }

  /**
   * The colour scale of a frame: for regression the largest |target|; for classes the 90th percentile of the
   * shaded value at the region centres (at least 1), so that a trained network's large logits do not saturate.
   */
  autoscale() {
    const f = this.frame;
    if (!f || !this.points || !this.points.classes || f.outputs > 2) return;
    const vals = f.regions.map((r) => {
      const s = shading(r, f.outputs);
      const p = r.polygon;
      let cx = 0;
      let cy = 0;
      for (let k = 0; k < p.length; k += 2) { cx += p[k]; cy += p[k + 1]; }
      return Math.abs((s[0] * cx + s[1] * cy) / (p.length / 2) + s[2]);
    }).sort((a, b) => a - b);
    this.scale = Math.max(1, vals[Math.floor(0.9 * (vals.length - 1))] || 1);
  }

  draw() {
    this.autoscale();
    const g = this.canvas.getContext('2d');
    g.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const f = this.frame;
    if (f) {
      for (const r of f.regions) this.fillRegion(g, r, f.outputs);
      g.lineWidth = 0.6;
      g.strokeStyle = 'rgba(0,0,0,0.28)';
      for (const r of f.regions) {
        this.path(g, r.polygon);
        g.stroke();
      }
      g.lineWidth = 2;
      g.strokeStyle = '#000';
      g.beginPath();
      const s = f.boundary;
      for (let k = 0; k + 3 < s.length; k += 4) {
        g.moveTo(this.px(s[k]), this.py(s[k + 1]));
        g.lineTo(this.px(s[k + 2]), this.py(s[k + 3]));
      }
      g.stroke();
    }
    this.drawPoints(g);
  }

  path(g, poly) {
    g.beginPath();
    for (let k = 0; k < poly.length; k += 2) {
      const x = this.px(poly[k]);
      const y = this.py(poly[k + 1]);
      if (k === 0) g.moveTo(x, y); else g.lineTo(x, y);
    }
    g.closePath();
  }

  fillRegion(g, r, outputs) {
    this.path(g, r.polygon);
    const s = shading(r, outputs);
    const poly = r.polygon;
    let cx = 0;
    let cy = 0;
    for (let k = 0; k < poly.length; k += 2) { cx += poly[k]; cy += poly[k + 1]; }
    cx /= poly.length / 2;
    cy /= poly.length / 2;
    if (!s) {
      let best = 0;
      const vals = r.A.map((a, i) => a[0] * cx + a[1] * cy + r.c[i]);
      vals.forEach((v, i) => { if (v > vals[best]) best = i; });
      g.fillStyle = CLASS_COLORS[best % CLASS_COLORS.length];
      g.globalAlpha = 0.45;
      g.fill();
      g.globalAlpha = 1;
      return;
    }
    // value as an affine function of the pixel: gradient (gx, gy) per pixel
    const b = this.box;
    const gx = (s[0] * (b[1] - b[0])) / this.canvas.width;
    const gy = (-s[1] * (b[3] - b[2])) / this.canvas.height;
    const norm = Math.hypot(gx, gy);
    const f0 = s[0] * cx + s[1] * cy + s[2];
    const span = (2 * this.scale) / Math.max(norm, 1e-300);
    if (!(norm > 0) || span > 1e6) {
      g.fillStyle = color(f0, this.scale);
    } else {
      const ux = gx / norm;
      const uy = gy / norm;
      const p0x = this.px(cx);
      const p0y = this.py(cy);
      const ta = (-this.scale - f0) / norm;
      const tb = (this.scale - f0) / norm;
      const grad = g.createLinearGradient(p0x + ux * ta, p0y + uy * ta, p0x + ux * tb, p0y + uy * tb);
      PALETTE.forEach((c, i) => grad.addColorStop(i / (PALETTE.length - 1), `rgb(${c.join(',')})`));
      g.fillStyle = grad;
    }
    g.fill();
  }

  drawPoints(g) {
    const p = this.points;
    if (!p) return;
    const scale = p.classes ? 1 : Math.max(1e-12, ...p.target.map(Math.abs));
    for (let i = 0; i < p.target.length; i++) {
      const x = this.px(p.xy[2 * i]);
      const y = this.py(p.xy[2 * i + 1]);
      if (x < -4 || y < -4 || x > this.canvas.width + 4 || y > this.canvas.height + 4) continue;
      g.beginPath();
      g.arc(x, y, 3.5, 0, 2 * Math.PI);
      g.fillStyle = p.classes ? CLASS_COLORS[p.target[i] % CLASS_COLORS.length] : color(p.target[i], scale);
      g.fill();
      g.lineWidth = 1.2;
      g.strokeStyle = '#111';
      g.stroke();
    }
  }
}
