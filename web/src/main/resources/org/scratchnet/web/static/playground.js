// scratchnet playground page: settings ↔ URL hash, the server's API, and canvas drawing.
// The server trains; this page only draws what the event stream sends.
'use strict';

(function () {
  const TERMS = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'];
  const TERM_LABELS = { 'x1': 'x₁', 'x2': 'x₂', 'x1^2': 'x₁²', 'x2^2': 'x₂²', 'x1*x2': 'x₁·x₂', 'sin(x1)': 'sin x₁', 'sin(x2)': 'sin x₂' };
  const DATASETS = ['circle', 'xor', 'gaussian', 'spiral', 'moons', 'quadrants'];
  const MAX_LAYERS = 6, MAX_NEURONS = 8, MAX_UPLOAD = 1 << 20;
  const DEFAULTS = {
    data: 'circle', samples: 500, noise: 0.1, train: 50, batch: 10, seed: 42,
    features: ['x1', 'x2'], hidden: [4, 2], activation: 'tanh', problem: 'classification',
    lr: 0.03, optimizer: 'sgd', reg: 'none', regRate: 0
  };
  const NEG = [245, 147, 34], MID = [232, 234, 235], POS = [8, 119, 189];

  const $ = (id) => document.getElementById(id);
  const pg = window.playground = {
    settings: null, session: null, state: null, data: null, dataVersion: -1,
    stats: { updates: 0, firstAt: 0, lastAt: 0 }, history: [], lastExplain: null
  };

  // ----- colours: v in [-1, 1], orange (negative / class 0) → grey → blue (positive / class 1)
  function color(v) {
    const t = Math.max(-1, Math.min(1, v));
    const a = t < 0 ? NEG : POS, w = Math.abs(t);
    return [0, 1, 2].map((i) => Math.round(MID[i] + (a[i] - MID[i]) * w));
  }
  pg.color = color;

  // ----- settings and the URL hash
  function readHash() {
    const s = JSON.parse(JSON.stringify(DEFAULTS));
    const q = new URLSearchParams(location.hash.replace(/^#/, ''));
    for (const [k, v] of q) {
      if (!(k in s)) continue;
      if (k === 'features') s.features = v.split(',').filter((t) => TERMS.includes(t));
      else if (k === 'hidden') s.hidden = v === '' ? [] : v.split(',').map(Number).filter((n) => n >= 1 && n <= MAX_NEURONS).slice(0, MAX_LAYERS);
      else if (typeof s[k] === 'number') { const n = Number(v); if (Number.isFinite(n)) s[k] = n; }
      else s[k] = v;
    }
    if (s.features.length === 0) s.features = ['x1', 'x2'];
    return s;
  }

  function form(s) {
    const p = new URLSearchParams();
    for (const k of Object.keys(DEFAULTS)) p.set(k, Array.isArray(s[k]) ? s[k].join(',') : String(s[k]));
    return p.toString();
  }

  function writeHash() {
    history.replaceState(null, '', '#' + form(pg.settings));
  }

  // ----- API
  async function api(path, body, type) {
    const opts = body === undefined ? {} : {
      method: 'POST', body: body,
      headers: { 'Content-Type': type || 'application/x-www-form-urlencoded' }
    };
    const sep = path.includes('?') ? '&' : '?';
    const url = path === '/api/session' ? path : path + sep + 'session=' + encodeURIComponent(pg.session);
    const r = await fetch(url, opts);
    const j = await r.json().catch(() => ({ error: 'the server sent no JSON (status ' + r.status + ')' }));
    if (!r.ok || j.error) throw new Error(j.error || ('status ' + r.status));
    return j;
  }

  function showError(msg) {
    const e = $('error');
    e.textContent = msg || '';
    e.hidden = !msg;
  }

  async function run(fn) {
    try {
      showError('');
      return await fn();
    } catch (e) {
      showError(e.message);
    }
  }

  // ----- applying settings
  async function applyConfig() {
    const wasPlaying = pg.state && pg.state.playing;
    writeHash();
    syncControls();
    pg.history = [];
    await run(async () => {
      await api('/api/config', form(pg.settings));
      if (wasPlaying) await api('/api/control', 'action=play');
    });
  }

  function syncControls() {
    const s = pg.settings;
    for (const id of ['lr', 'optimizer', 'activation', 'reg', 'regRate', 'problem']) setSelect($(id), String(s[id]));
    for (const id of ['train', 'noise', 'batch', 'samples', 'seed']) $(id).value = s[id];
    $('trainOut').textContent = s.train;
    $('noiseOut').textContent = s.noise;
    $('batchOut').textContent = s.batch;
    $('layerCount').textContent = s.hidden.length;
    for (const b of $('datasets').children) b.setAttribute('aria-pressed', String(b.dataset.name === s.data));
    for (const c of $('features').querySelectorAll('input')) c.checked = s.features.includes(c.value);
    const lb = $('layerButtons');
    lb.textContent = '';
    s.hidden.forEach((n, i) => {
      const d = document.createElement('div');
      d.append(button('−', 'Fewer neurons in layer ' + (i + 1), () => neurons(i, -1)), ' ' + n + ' neurons ',
        button('+', 'More neurons in layer ' + (i + 1), () => neurons(i, +1)));
      // until the next drawing places it above its column, keep it clear of its neighbours
      d.style.left = (120 + i * 124) + 'px';
      lb.append(d);
    });
  }

  function setSelect(sel, value) {
    if (![...sel.options].some((o) => (o.value || o.text) === value)) {
      const o = document.createElement('option');
      o.text = value;
      sel.add(o);
    }
    sel.value = value;
  }

  function button(text, label, fn) {
    const b = document.createElement('button');
    b.textContent = text;
    b.className = 'small';
    b.setAttribute('aria-label', label);
    b.addEventListener('click', fn);
    return b;
  }

  function neurons(i, d) {
    const n = pg.settings.hidden[i] + d;
    if (n < 1 || n > MAX_NEURONS) return;
    pg.settings.hidden[i] = n;
    applyConfig();
  }

  function buildControls() {
    for (const name of DATASETS) {
      const b = document.createElement('button');
      b.textContent = name;
      b.dataset.name = name;
      b.addEventListener('click', () => { pg.settings.data = name; applyConfig(); });
      $('datasets').append(b);
    }
    for (const t of TERMS) {
      const l = document.createElement('label');
      const c = document.createElement('input');
      c.type = 'checkbox';
      c.value = t;
      c.addEventListener('change', () => {
        const f = TERMS.filter((x) => x === t ? c.checked : pg.settings.features.includes(x));
        if (f.length === 0) { c.checked = true; return; }
        pg.settings.features = f;
        applyConfig();
      });
      l.append(c, TERM_LABELS[t]);
      $('features').append(l);
    }
    for (const id of ['lr', 'optimizer', 'activation', 'reg', 'regRate', 'problem']) {
      $(id).addEventListener('change', () => {
        pg.settings[id] = typeof DEFAULTS[id] === 'number' ? Number($(id).value) : $(id).value;
        applyConfig();
      });
    }
    for (const id of ['train', 'noise', 'batch']) {
      $(id).addEventListener('input', () => { $(id + 'Out').textContent = $(id).value; });
      $(id).addEventListener('change', () => { pg.settings[id] = Number($(id).value); applyConfig(); });
    }
    for (const id of ['samples', 'seed']) {
      $(id).addEventListener('change', () => { pg.settings[id] = Number($(id).value); applyConfig(); });
    }
    $('regenerate').addEventListener('click', () => { pg.settings.seed += 1; applyConfig(); });
    $('addLayer').addEventListener('click', () => {
      if (pg.settings.hidden.length >= MAX_LAYERS) return;
      pg.settings.hidden.push(2);
      applyConfig();
    });
    $('removeLayer').addEventListener('click', () => {
      if (pg.settings.hidden.length === 0) return;
      pg.settings.hidden.pop();
      applyConfig();
    });
    for (const a of ['play', 'pause', 'step', 'reset']) {
      $(a).addEventListener('click', () => run(async () => {
        if (a === 'reset') pg.history = [];
        await api('/api/control', 'action=' + a);
      }));
    }
    $('explain').addEventListener('click', () => run(async () => renderExplain(await api('/api/explain'))));
    $('csv').addEventListener('change', () => run(upload));
    $('downloadPng').addEventListener('click', () => { $('downloadPng').href = picture(); });
    $('share').addEventListener('click', () => run(async () => {
      writeHash();
      await navigator.clipboard.writeText(location.href);
      $('share').textContent = 'Link copied';
      setTimeout(() => { $('share').textContent = 'Copy link'; }, 1500);
    }));
    const net = $('network');
    net.addEventListener('mousemove', (e) => hover(e));
    net.addEventListener('mouseleave', () => { $('tooltip').hidden = true; });
  }

  async function upload() {
    const f = $('csv').files[0];
    if (!f) return;
    if (f.size > MAX_UPLOAD) throw new Error(f.name + ': ' + f.size + ' bytes; the playground takes CSV files up to ' + MAX_UPLOAD + ' bytes');
    const text = await f.text();
    await api('/api/upload?name=' + encodeURIComponent(f.name), text, 'text/csv');
    pg.settings.data = 'csv';
    await applyConfig();
  }

  // ----- the event stream
  function connect() {
    const es = new EventSource('/api/events?session=' + encodeURIComponent(pg.session));
    es.onmessage = (e) => onSnapshot(JSON.parse(e.data)).catch((err) => {
      pg.drawErrors = (pg.drawErrors || 0) + 1;
      showError('could not draw an update: ' + err.message);
    });
    es.onerror = () => {
      if (es.readyState === EventSource.CLOSED) showError('lost the connection to the server: reload the page');
    };
    pg.events = es;
  }

  async function onSnapshot(s) {
    if (s.dataVersion !== pg.dataVersion) {
      pg.dataVersion = s.dataVersion;
      const d = await api('/api/data').catch((e) => { showError(e.message); return null; });
      if (d) {
        pg.data = d;
        pg.pointsRange = null; // redraw the points
      }
    }
    pg.state = s;
    const now = performance.now();
    pg.stats.receivedVersions = (pg.stats.receivedVersions || 0) + 1;
    if (pg.stats.updates === 0) pg.stats.firstAt = now;
    pg.stats.updates++;
    pg.stats.lastAt = now;
    $('epoch').textContent = s.epoch;
    $('stepCount').textContent = s.step;
    $('speed').textContent = s.stepsPerSecond;
    $('trainLoss').textContent = fmt(s.trainLoss);
    $('testLoss').textContent = fmt(s.testLoss);
    if (s.error) showError(s.error);
    const last = pg.history[pg.history.length - 1];
    if (!last || last.step !== s.step) pg.history.push({ step: s.step, train: s.trainLoss, test: s.testLoss });
    if (pg.history.length > 600) pg.history = pg.history.filter((_, i) => i % 2 === 0);
    drawBoundary(s);
    if (pg.pointsRange !== s.range) {
      pg.pointsRange = s.range; // points move only when the data or the shown square changes
      drawPoints();
    }
    drawCurve();
    drawNetwork(s);
    pg.rendered = s.version;
    pg.stats.renderMs = (pg.stats.renderMs || 0) + (performance.now() - now);
  }

  function fmt(v) {
    return v === null || v === undefined ? '—' : v.toFixed(3);
  }

  // ----- drawing
  function bytes(b64) {
    const s = atob(b64), out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }

  /** A g×g map of bytes as a small canvas; toValue maps a byte to [-1, 1]. */
  const scratch = {};
  function heatCanvas(b64, g, toValue) {
    // one scratch canvas per size: drawImage copies it, so it can be reused at once
    const c = scratch[g] || (scratch[g] = document.createElement('canvas'));
    c.width = c.height = g;
    const ctx = c.getContext('2d'), img = ctx.createImageData(g, g), b = bytes(b64);
    for (let i = 0; i < b.length; i++) {
      const [r, gg, bb] = color(toValue(b[i]));
      img.data[4 * i] = r; img.data[4 * i + 1] = gg; img.data[4 * i + 2] = bb; img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    return c;
  }

  const boundaryValue = (b) => 2 * b / 255 - 1;
  const neuronValue = (b) => b / 127.5 - 1;

  function drawBoundary(s) {
    const cv = $('boundary'), ctx = cv.getContext('2d');
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(heatCanvas(s.boundary, s.grid, boundaryValue), 0, 0, cv.width, cv.height);
  }

  /** Plane (x1, x2) → pixel on the boundary canvas. */
  function toCanvas(x1, x2) {
    const r = pg.state ? pg.state.range : 1, w = $('boundary').width;
    return [(x1 + r) / (2 * r) * w, (r - x2) / (2 * r) * w];
  }
  pg.toCanvas = toCanvas;

  function drawPoints() {
    const cv = $('points'), ctx = cv.getContext('2d');
    ctx.clearRect(0, 0, cv.width, cv.height);
    if (!pg.data) return;
    const draw = (pts, stroke) => {
      for (let i = 0; i < pts.length; i += 3) {
        const [x, y] = toCanvas(pts[i], pts[i + 1]);
        const [r, g, b] = color(2 * pts[i + 2] - 1);
        ctx.beginPath();
        ctx.arc(x, y, 3.2, 0, 2 * Math.PI);
        ctx.fillStyle = 'rgb(' + r + ',' + g + ',' + b + ')';
        ctx.fill();
        ctx.lineWidth = 1;
        ctx.strokeStyle = stroke;
        ctx.stroke();
      }
    };
    draw(pg.data.train, '#fff');
    draw(pg.data.test, '#000');
  }

  function drawCurve() {
    const cv = $('curve'), ctx = cv.getContext('2d'), h = pg.history;
    ctx.clearRect(0, 0, cv.width, cv.height);
    if (h.length < 2) return;
    let max = 0;
    for (const p of h) max = Math.max(max, p.train || 0, p.test || 0);
    max = max || 1;
    const line = (key, style) => {
      ctx.beginPath();
      h.forEach((p, i) => {
        const x = i / (h.length - 1) * (cv.width - 2) + 1, y = cv.height - 2 - (p[key] || 0) / max * (cv.height - 4);
        if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
      });
      ctx.strokeStyle = style;
      ctx.lineWidth = 1.5;
      ctx.stroke();
    };
    line('test', '#999');
    line('train', '#222');
  }

  /** Columns of nodes (features, hidden layers, output) with their map, and weight lines between. */
  function drawNetwork(s) {
    const cv = $('network'), ctx = cv.getContext('2d');
    ctx.clearRect(0, 0, cv.width, cv.height);
    const cols = s.neurons, size = 38, gapX = (cv.width - 80 - size) / Math.max(1, cols.length - 1);
    const pos = cols.map((maps, c) => maps.map((_, i) => {
      const top = (cv.height - maps.length * (size + 10)) / 2;
      return [40 + c * gapX, top + i * (size + 10)];
    }));
    pg.lines = [];
    s.weights.forEach((layer, c) => {
      layer.w.forEach((row, i) => row.forEach((w, j) => {
        const a = pos[c][i], b = pos[c + 1][j];
        const seg = [a[0] + size, a[1] + size / 2, b[0], b[1] + size / 2];
        const [r, g, bl] = color(w > 0 ? 1 : -1);
        ctx.beginPath();
        ctx.moveTo(seg[0], seg[1]);
        ctx.lineTo(seg[2], seg[3]);
        ctx.strokeStyle = 'rgba(' + r + ',' + g + ',' + bl + ',0.85)';
        ctx.lineWidth = Math.min(8, 0.5 + Math.abs(w) * 2);
        ctx.stroke();
        pg.lines.push({ seg, w, label: layer.name + ': ' + nodeName(c, i) + ' → ' + nodeName(c + 1, j) });
      }));
    });
    cols.forEach((maps, c) => maps.forEach((m, i) => {
      const [x, y] = pos[c][i];
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(heatCanvas(m, s.neuronGrid, neuronValue), x, y, size, size);
      ctx.strokeStyle = '#555';
      ctx.lineWidth = 1;
      ctx.strokeRect(x, y, size, size);
      if (c === 0) {
        ctx.fillStyle = '#333';
        ctx.font = '11px sans-serif';
        ctx.textAlign = 'right';
        ctx.fillText(TERM_LABELS[pg.settings.features[i]] || '', x - 4, y + size / 2 + 4);
      }
    }));
    // the +/- buttons of hidden layer k sit above column k
    const buttons = $('layerButtons').children;
    for (let k = 0; k < buttons.length && k + 1 < pos.length; k++) {
      buttons[k].style.left = (pos[k + 1][0][0] + size / 2 - 60) + 'px';
    }
    pg.nodes = pos.map((col, c) => col.map(([x, y], i) => ({ x, y, size, label: nodeName(c, i) })));
  }

  function nodeName(c, i) {
    const last = pg.state ? pg.state.neurons.length - 1 : -1;
    if (c === 0) return pg.settings.features[i];
    return c === last ? 'output' : 'h' + c + '.' + (i + 1);
  }

  function hover(e) {
    const r = $('network').getBoundingClientRect(), x = e.clientX - r.left, y = e.clientY - r.top;
    let best = null, bestD = 5;
    for (const l of pg.lines || []) {
      const d = segDistance(x, y, l.seg);
      if (d < bestD) { bestD = d; best = l; }
    }
    let text = best ? best.label + ': w = ' + best.w : null;
    for (const col of pg.nodes || []) for (const n of col) {
      if (x >= n.x && x <= n.x + n.size && y >= n.y && y <= n.y + n.size) text = n.label;
    }
    const t = $('tooltip');
    t.hidden = !text;
    if (text) {
      t.textContent = text;
      t.style.left = (x + 12) + 'px';
      t.style.top = (y + 12) + 'px';
    }
  }

  function segDistance(px, py, [x1, y1, x2, y2]) {
    const dx = x2 - x1, dy = y2 - y1, len = dx * dx + dy * dy;
    const t = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
    return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
  }

  /** The boundary with its points as one PNG data URL. */
  function picture() {
    const b = $('boundary'), c = document.createElement('canvas');
    c.width = b.width;
    c.height = b.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(b, 0, 0);
    ctx.drawImage($('points'), 0, 0);
    return c.toDataURL('image/png');
  }

  function renderExplain(x) {
    pg.lastExplain = x;
    const out = $('explainOut');
    out.textContent = '';
    const p = document.createElement('p');
    p.textContent = 'Step ' + x.step + ' (epoch ' + x.epoch + '): a batch of ' + x.batch.rows
      + ' rows; values below are for its first row (training point #' + x.batch.firstRow + ': x = ['
      + x.batch.x.join(', ') + '], target ' + x.batch.target.join(', ') + ').';
    out.append(p);
    const table = document.createElement('table');
    const head = table.insertRow();
    for (const h of ['pass', 'layer', 'formula', 'shapes', 'values']) {
      const th = document.createElement('th');
      th.textContent = h;
      head.append(th);
    }
    for (const s of x.stages) {
      const row = table.insertRow();
      row.insertCell().textContent = s.phase;
      row.cells[0].className = 'phase';
      row.insertCell().textContent = s.layer;
      const f = row.insertCell(), code = document.createElement('code');
      code.textContent = s.formula;
      f.append(code);
      row.insertCell().textContent = s.shapes;
      const v = row.insertCell();
      v.className = 'values';
      v.textContent = Object.entries(s.values).map(([k, vals]) => k + ' = [' + vals.join(', ') + ']').join('   ');
    }
    out.append(table);
  }

  // ----- start: draw the data and the untrained boundary as soon as the page loads
  async function start() {
    pg.settings = readHash();
    buildControls();
    syncControls();
    await run(async () => {
      pg.session = (await api('/api/session', '')).session;
      $('downloadModel').href = '/api/model?session=' + encodeURIComponent(pg.session);
      connect();
      await api('/api/config', form(pg.settings));
      writeHash();
    });
    window.addEventListener('pagehide', () => {
      navigator.sendBeacon('/api/close?session=' + encodeURIComponent(pg.session));
    });
  }

  start();
})();
