// A small line chart of the objective over steps (log scale when every value is positive).
export function drawChart(canvas, points) {
  const g = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  g.clearRect(0, 0, w, h);
  const pts = points.filter((p) => Number.isFinite(p[1]));
  if (pts.length < 2) return;
  const log = pts.every((p) => p[1] > 0);
  const f = (v) => (log ? Math.log10(v) : v);
  const x0 = pts[0][0];
  const x1 = pts[pts.length - 1][0];
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const p of pts) {
    y0 = Math.min(y0, f(p[1]));
    y1 = Math.max(y1, f(p[1]));
  }
  if (y1 - y0 < 1e-12) { y0 -= 1; y1 += 1; }
  const m = 30;
  const px = (x) => m + ((x - x0) / Math.max(1, x1 - x0)) * (w - m - 6);
  const py = (y) => 6 + (1 - (f(y) - y0) / (y1 - y0)) * (h - 26);
  g.strokeStyle = '#2166ac';
  g.lineWidth = 1.5;
  g.beginPath();
  pts.forEach((p, i) => (i ? g.lineTo(px(p[0]), py(p[1])) : g.moveTo(px(p[0]), py(p[1]))));
  g.stroke();
  g.fillStyle = '#555';
  g.font = '11px system-ui';
  g.fillText((log ? 10 ** y1 : y1).toPrecision(3), 2, 14);
  g.fillText((log ? 10 ** y0 : y0).toPrecision(3), 2, h - 22);
  g.fillText(`step ${x1}`, w - 70, h - 6);
}
