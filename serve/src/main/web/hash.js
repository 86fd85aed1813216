// Every setting of the page lives in the URL hash (keys = the options of 'nngeom train'), so a link reproduces
// the experiment. The server validates again; these checks only give an early, clear message.
export const DEFAULTS = {
  data: 'spiral', n: '400', noise: '0', seed: '1', arch: '2-16-16-2', activation: 'relu', loss: '',
  optimizer: 'adam', lr: '0.01', batch: '', penalty: '', box: '-1.2,1.2,-1.2,1.2',
};
export const KEYS = Object.keys(DEFAULTS);

/** The settings of a hash ('#k=v&...'), defaults filled in; unknown keys are refused by name. */
export function parse(hash) {
  const s = { ...DEFAULTS };
  const text = (hash || '').replace(/^#/, '');
  if (!text) return { settings: s };
  for (const kv of text.split('&')) {
    if (!kv) continue;
    const eq = kv.indexOf('=');
    const k = decodeURIComponent(eq < 0 ? kv : kv.slice(0, eq));
    const v = eq < 0 ? '' : decodeURIComponent(kv.slice(eq + 1));
    if (!(k in DEFAULTS)) return { settings: s, error: `URL key '${k}' is unknown (known: ${KEYS.join(', ')})` };
    s[k] = v;
  }
  const error = check(s);
  return { settings: s, error };
}

function check(s) {
  const whole = (k, lo, hi) => (/^\d+$/.test(s[k]) && +s[k] >= lo && +s[k] <= hi ? null : `${k}: must be a whole number in ${lo}..${hi}`);
  const num = (k) => (s[k] === '' || Number.isFinite(Number(s[k])) ? null : `${k}: '${s[k]}' is not a number`);
  return whole('n', 1, 10000) || num('noise') || (/^-?\d+$/.test(s.seed) ? null : 'seed: must be a whole number')
    || (/^\d+(-\d+)+$/.test(s.arch) ? null : `arch: '${s.arch}' is not like 2-16-16-2`) || num('lr')
    || (s.batch === '' || /^\d+$/.test(s.batch) ? null : 'batch: must be a whole number') || checkBox(s.box);
}

function checkBox(box) {
  const b = box.split(',').map(Number);
  return b.length === 4 && b.every(Number.isFinite) && b[0] < b[1] && b[2] < b[3] ? null : `box: '${box}' is not x0,x1,y0,y1`;
}

/** The hash of settings: only keys that differ from the defaults, in a fixed order. */
export function format(s) {
  return '#' + KEYS.filter((k) => s[k] !== DEFAULTS[k]).map((k) => `${k}=${encodeURIComponent(s[k])}`).join('&');
}

/** The JSON body of POST /api/runs for settings. */
export function runConfig(s) {
  const c = {
    data: s.data, n: Number(s.n), noise: Number(s.noise), seed: Number(s.seed), arch: s.arch,
    activation: s.activation, optimizer: s.optimizer,
  };
  if (s.loss) c.loss = s.loss;
  if (s.lr !== '') c.lr = Number(s.lr);
  if (s.batch !== '') c.batch = Number(s.batch);
  if (s.penalty !== '') c.penalty = s.penalty;
  return c;
}
