// The explorer page: settings in the URL hash, one run on the server, its events by SSE, and the exact
// partition pulled whenever the page is ready for a new frame (latest wins, so a slow tab never queues).
import { drawChart } from './chart.js';
import { DEFAULTS, KEYS, format, parse, runConfig } from './hash.js';
import { View } from './view.js';

const $ = (id) => document.getElementById(id);
const SETTING_INPUTS = KEYS.filter((k) => k !== 'box');
const state = { settings: { ...DEFAULTS }, runId: null, stream: null, history: [], step: 0, playing: false,
  fetching: false, pending: false, command: '', frames: 0 };
const view = new View($('partition'));
window.nngeomExplorer = { state, view }; // read by the browser tests

function message(text) {
  $('message').textContent = text || '';
}

async function api(method, path, body, type = 'application/json') {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.headers['Content-Type'] = type;
    init.body = type === 'application/json' ? JSON.stringify(body) : body;
  }
  const r = await fetch(path, init);
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(data.error || `${method} ${path}: HTTP ${r.status}`);
  return data;
}

function fillControls(s) {
  for (const k of SETTING_INPUTS) {
    const el = $(k);
    if (k === 'data' && ![...el.options].some((o) => o.value === s.data)) {
      el.add(new Option(s.data, s.data));
    }
    el.value = s[k];
  }
  view.box = s.box.split(',').map(Number);
  $('box').textContent = `box ${view.box.map((v) => +v.toPrecision(4)).join(', ')}`;
}

function readControls() {
  const s = { ...state.settings };
  for (const k of SETTING_INPUTS) s[k] = $(k).value.trim();
  return s;
}

function writeHash() {
  history.replaceState(null, '', format(state.settings));
}

async function applyHash() {
  const { settings, error } = parse(location.hash);
  if (error) {
    message(error);
    return;
  }
  state.settings = settings;
  fillControls(settings);
  await startRun();
}

async function startRun() {
  closeRun();
  message('');
  let r;
  try {
    r = await api('POST', '/api/runs', runConfig(state.settings));
  } catch (e) {
    message(e.message);
    return;
  }
  state.runId = r.runId;
  state.command = r.command;
  state.history = [];
  state.step = 0;
  state.playing = false;
  view.frame = null;
  for (const [id, what] of [['dl-json', 'model.json'], ['dl-st', 'model.safetensors'], ['dl-data', 'data.csv']]) {
    $(id).href = `/api/runs/${r.runId}/${what}`;
  }
  view.points = await api('GET', `/api/runs/${r.runId}/points`);
  view.scale = view.points.classes ? 3 : Math.max(1e-12, ...view.points.target.map(Math.abs));
  showStatus(r);
  openStream();
  requestFrame();
}

function closeRun() {
  if (state.stream) state.stream.close();
  state.stream = null;
  if (state.runId) fetch(`/api/runs/${state.runId}`, { method: 'DELETE' }).catch(() => {});
  state.runId = null;
}

function openStream() {
  const es = new EventSource(`/api/runs/${state.runId}/events`);
  es.addEventListener('progress', (ev) => {
    const p = JSON.parse(ev.data);
    showStatus(p);
    if (p.objective !== null && p.step > 0) {
      state.history.push([p.step, p.objective]);
      drawChart($('chart'), state.history);
    }
    if (!view.frame || view.frame.step !== p.step) requestFrame();
  });
  state.stream = es;
}

function showStatus(p) {
  state.step = p.step;
  state.playing = p.state === 'playing';
  $('step-count').textContent = p.step;
  $('objective').textContent = p.objective === null || p.objective === undefined ? '–' : p.objective.toPrecision(5);
  $('state').textContent = p.message ? `${p.state}: ${p.message}` : p.state;
  $('play').textContent = state.playing ? 'Pause' : 'Play';
  $('command').textContent = state.command.replace(/--iters \d+/, `--iters ${Math.max(1, p.step)}`);
}

/** Pulls the partition of the newest snapshot for the current box; at most one request in flight. */
async function requestFrame() {
  if (!state.runId) return;
  if (state.fetching) {
    state.pending = true;
    return;
  }
  state.fetching = true;
  const run = state.runId;
  const box = view.box.join(',');
  try {
    const t0 = performance.now();
    const f = await api('GET', `/api/runs/${run}/partition?box=${box}`);
    if (run === state.runId && box === view.box.join(',')) {
      view.frame = f;
      view.draw();
      state.frames++;
      $('regions').textContent = String(f.count);
      $('bounds').textContent = `exact · most possible for this shape: ≥ ${short(f.lowerBound)} (Montúfar), ≤ ${short(f.upperBound)} (Serra)`;
      $('frame-ms').textContent = `frame: ${f.ms.toFixed(0)} ms server, ${(performance.now() - t0).toFixed(0)} ms total`;
    }
  } catch (e) {
    message(e.message);
  } finally {
    state.fetching = false;
  }
  if (state.pending) {
    state.pending = false;
    requestFrame();
  }
}

function short(n) {
  return n.length > 8 ? Number(n).toExponential(2) : n;
}

async function control(action, steps) {
  if (!state.runId) return;
  try {
    const body = steps ? { action, steps } : { action };
    showStatus(await api('POST', `/api/runs/${state.runId}/control`, body));
    if (action === 'reset') {
      state.history = [];
      drawChart($('chart'), state.history);
      requestFrame();
    }
  } catch (e) {
    message(e.message);
  }
}

function setBox(b) {
  view.box = b;
  state.settings.box = b.map((v) => +v.toPrecision(12)).join(',');
  $('box').textContent = `box ${b.map((v) => +v.toPrecision(4)).join(', ')}`;
  writeHash();
}

function installZoom(canvas) {
  canvas.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const r = canvas.getBoundingClientRect();
    const [wx, wy] = view.world((ev.clientX - r.left) * (canvas.width / r.width), (ev.clientY - r.top) * (canvas.height / r.height));
    const k = ev.deltaY > 0 ? 1.25 : 0.8;
    const b = view.box;
    setBox([wx + (b[0] - wx) * k, wx + (b[1] - wx) * k, wy + (b[2] - wy) * k, wy + (b[3] - wy) * k]);
    view.draw();
    requestFrame();
  }, { passive: false });
  let drag = null;
  canvas.addEventListener('mousedown', (ev) => { drag = { x: ev.clientX, y: ev.clientY, box: view.box.slice() }; });
  window.addEventListener('mouseup', () => { if (drag) { drag = null; requestFrame(); } });
  window.addEventListener('mousemove', (ev) => {
    if (!drag) return;
    const r = canvas.getBoundingClientRect();
    const b = drag.box;
    const dx = ((ev.clientX - drag.x) / r.width) * (b[1] - b[0]);
    const dy = ((ev.clientY - drag.y) / r.height) * (b[3] - b[2]);
    setBox([b[0] - dx, b[1] - dx, b[2] + dy, b[3] + dy]);
    view.draw();
  });
}

async function upload(file) {
  try {
    const text = await file.text();
    const classes = $('csv-classes').checked;
    const r = await api('POST', `/api/datasets?classes=${classes}`, text, 'text/csv');
    state.settings = { ...readControls(), data: r.data };
    if (r.classes && !state.settings.arch.endsWith(`-${r.classes}`)) {
      state.settings.arch = state.settings.arch.replace(/-\d+$/, `-${r.classes}`);
    }
    if (!r.classes) state.settings.arch = state.settings.arch.replace(/-\d+$/, '-1');
    fillControls(state.settings);
    writeHash();
    await startRun();
  } catch (e) {
    message(e.message);
  }
}

async function init() {
  const health = await api('GET', '/api/health');
  for (const d of health.datasets.concat(health.servedData ? ['file'] : [])) $('data').add(new Option(d, d));
  $('play').addEventListener('click', () => control(state.playing ? 'pause' : 'play'));
  $('step').addEventListener('click', () => control('step', Math.max(1, Number($('chunk').value) || 1)));
  $('reset').addEventListener('click', () => control('reset'));
  $('reseed').addEventListener('click', () => {
    state.settings = { ...readControls(), seed: String(Math.floor(Math.random() * 1e9)) };
    fillControls(state.settings);
    writeHash();
    startRun();
  });
  $('home').addEventListener('click', () => { setBox(DEFAULTS.box.split(',').map(Number)); view.draw(); requestFrame(); });
  $('settings').addEventListener('change', (ev) => {
    if (ev.target.id === 'csv') return upload(ev.target.files[0]);
    if (ev.target.id === 'csv-classes' || ev.target.id === 'chunk') return null;
    const { box } = state.settings;
    state.settings = { ...readControls(), box };
    writeHash();
    return startRun();
  });
  $('settings').addEventListener('submit', (ev) => ev.preventDefault());
  window.addEventListener('keydown', (ev) => {
    if (ev.code === 'Space' && !['INPUT', 'SELECT', 'BUTTON'].includes(document.activeElement.tagName)) {
      ev.preventDefault();
      control(state.playing ? 'pause' : 'play');
    }
  });
  window.addEventListener('hashchange', applyHash);
  window.addEventListener('pagehide', () => closeRun());
  installZoom($('partition'));
  await applyHash();
}

init().catch((e) => message(e.message));
