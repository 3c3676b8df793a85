// The page's behaviour: upload a folder or .zip files (or name a folder), start a run, poll its
// progress every second, show the results and download them. Every call sends the session token.
// Texts come from i18n.js; each shown message is kept as (key, arguments) so that the language
// switch redraws it.
'use strict';
const token = document.querySelector('meta[name="deid-token"]').content;
const $ = (id) => document.getElementById(id);
const form = $('run-form');
let staged = 0;
let polling = null;
const shown = { message: null, staged: ['noFiles'], progress: null, results: null };

// An error carrying the server's reason (its JSON "error"), or the HTTP status.
function failure(status, body) {
  let reason = 'HTTP ' + status;
  try { reason = JSON.parse(body).error || reason; } catch { /* not JSON */ }
  return new Error(reason);
}

async function api(method, url, body) {
  const r = await fetch(url, { method, body, headers: { 'X-Deid-Token': token } });
  const text = await r.text();
  if (!r.ok) throw failure(r.status, text);
  return text ? JSON.parse(text) : {};
}

// ---- messages, redrawn in the chosen language ----
function say(key, args = [], isError = false) {
  shown.message = key ? { key, args, isError } : null;
  drawMessage();
}
function drawMessage() {
  const m = shown.message;
  $('message').textContent = m ? I18N.t(m.key, ...m.args.map(serverText)) : '';
  $('message').className = m && m.isError ? 'error' : '';
}
function stagedText(key, args = [], isError = false) {
  shown.staged = [key, args, isError];
  drawStaged();
}
function drawStaged() {
  const [key, args = [], isError = false] = shown.staged;
  $('staged').textContent = I18N.t(key, ...args.map(serverText));
  $('staged').className = isError ? 'error' : 'muted';
}
// Arguments marked {server: text} are the server's words, translated when a sentence is known.
function serverText(a) { return a && a.server !== undefined ? I18N.server(a.server) : a; }

function setLanguage(lang) {
  I18N.apply(lang);
  drawMessage();
  drawStaged();
  if (shown.progress) drawProgress(shown.progress);
  if (shown.results) drawResults(shown.results);
}
for (const b of document.querySelectorAll('[data-lang]')) {
  b.addEventListener('click', () => {
    localStorage.setItem('deid-lang', b.dataset.lang);
    setLanguage(b.dataset.lang);
  });
}
setLanguage(I18N.choose());

// ---- choosing files ----
function source() { return form.elements.source.value; }

form.addEventListener('change', (e) => {
  if (e.target.name === 'source') $('input-path').disabled = source() !== 'path';
});

// One file's upload with XMLHttpRequest, which reports the bytes sent as they go.
function send(item, onBytes) {
  return new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', '/api/upload?path=' + encodeURIComponent(item.path));
    x.setRequestHeader('X-Deid-Token', token);
    x.upload.onprogress = (e) => onBytes(e.loaded);
    x.onload = () => (x.status < 300 ? resolve() : reject(failure(x.status, x.responseText)));
    x.onerror = () => reject(new Error('network error'));
    x.send(item.file);
  });
}

function duration(seconds) {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? I18N.t('minSec', Math.floor(s / 60), s % 60) : I18N.t('sec', s);
}

async function uploadAll(files) {
  form.elements.source.value = 'upload';
  $('input-path').disabled = true;
  $('start').disabled = true;
  const total = files.reduce((n, f) => n + f.file.size, 0);
  const sentOf = new Map();
  let done = 0;
  const begin = performance.now();
  const mb = (b) => (b / 1e6).toFixed(1);
  const report = (current) => {
    const sent = [...sentOf.values()].reduce((a, b) => a + b, 0);
    const secs = (performance.now() - begin) / 1000;
    const rate = secs > 0 ? sent / secs : 0;
    if (current && sent >= total && current.path.toLowerCase().endsWith('.zip')) {
      stagedText('unpacking', [current.path]);
      return;
    }
    const eta = rate > 0 ? duration((total - sent) / rate) : '?';
    stagedText('uploading', [done, files.length, mb(sent), mb(total), mb(rate), eta]);
  };
  try {
    await api('POST', '/api/upload-reset');
    staged = 0;
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const f = files[next++];
        await send(f, (bytes) => { sentOf.set(f, bytes); report(f); });
        sentOf.set(f, f.file.size);
        done++;
        report(null);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    const p = await api('GET', '/api/progress');
    staged = p.staged;
    stagedText('ready', [staged]);
    say(null);
  } catch (err) {
    staged = 0;
    stagedText('uploadFailed', [{ server: err.message }], true);
  } finally {
    $('start').disabled = false;
  }
}

function picked(list) {
  return Array.from(list).map((f) => ({ file: f, path: f.webkitRelativePath || f.name }));
}
$('folder-input').addEventListener('change', (e) => {
  const files = picked(e.target.files);
  if (files.length) uploadAll(files);
});
$('zip-input').addEventListener('change', (e) => {
  const files = picked(e.target.files);
  if (files.length) uploadAll(files);
});

// Drag and drop: walk dropped folders with the entries API.
function walk(entry, prefix, out) {
  return new Promise((resolve, reject) => {
    if (entry.isFile) {
      entry.file((f) => { out.push({ file: f, path: prefix + entry.name }); resolve(); }, reject);
      return;
    }
    const reader = entry.createReader();
    const batch = () => reader.readEntries(async (entries) => {
      if (!entries.length) { resolve(); return; }
      for (const e of entries) await walk(e, prefix + entry.name + '/', out);
      batch();
    }, reject);
    batch();
  });
}

const box = $('upload-box');
box.addEventListener('dragover', (e) => { e.preventDefault(); box.classList.add('over'); });
box.addEventListener('dragleave', () => box.classList.remove('over'));
box.addEventListener('drop', async (e) => {
  e.preventDefault();
  box.classList.remove('over');
  const files = [];
  for (const item of Array.from(e.dataTransfer.items)) {
    const entry = item.webkitGetAsEntry && item.webkitGetAsEntry();
    if (entry) await walk(entry, '', files);
  }
  if (files.length) uploadAll(files);
});

// ---- running ----
// Whatever an earlier run showed goes before a new start: an error must never sit above the
// previous run's results and downloads, looking like a result.
function clearResults() {
  $('results').hidden = true;
  $('progress').hidden = true;
  shown.progress = null;
  shown.results = null;
  $('not-written').tBodies[0].replaceChildren();
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  clearResults();
  const data = new URLSearchParams(new FormData(form));
  if (!form.elements.allowBurnedIn.checked) data.delete('allowBurnedIn');
  if (source() === 'upload' && staged === 0) { say('chooseFirst', [], true); return; }
  try {
    await api('POST', '/api/run', data);
    say('running');
    startPolling();
  } catch (err) {
    say('startFailed', [{ server: err.message }], true);
  }
});

function startPolling() {
  $('progress').hidden = false;
  $('start').disabled = true;
  if (!polling) polling = setInterval(poll, 1000);
  poll();
}

function drawProgress(p) {
  $('state').textContent = I18N.t('state_' + p.state);
  $('done-of').textContent = I18N.t('doneOf', p.done, p.matched);
  $('bar').max = Math.max(p.matched, 1);
  $('bar').value = p.done;
  for (const k of ['written', 'unchanged', 'skipped', 'quarantined', 'failed']) {
    $('count-' + k).textContent = p[k];
  }
}

async function poll() {
  let p;
  try { p = await api('GET', '/api/progress'); } catch (err) {
    say('runFailed', [{ server: err.message }], true);
    return;
  }
  shown.progress = p;
  drawProgress(p);
  if (p.state === 'running') return;
  clearInterval(polling);
  polling = null;
  $('start').disabled = false;
  if (staged) stagedText('deletedUpload');
  staged = 0;
  if (p.state === 'done') {
    say('server', [{ server: p.message }]);
    showResults();
  } else if (p.state === 'error') {
    say('runFailed', [{ server: p.message }], true);
  }
}

function drawResults(r) {
  $('summary').textContent = I18N.t('summary', r.seconds.toFixed(1), r.inputs, r.written,
    r.unchanged, r.skipped, r.quarantined, r.failed, r.output);
  $('mapping-path').textContent = r.mappingCsv;
  const body = $('not-written').tBodies[0];
  body.replaceChildren();
  for (const row of r.notWritten) {
    const tr = document.createElement('tr');
    for (const k of ['input', 'status', 'reason']) {
      const td = document.createElement('td');
      td.textContent = k === 'status' ? I18N.t(row[k]) : row[k];
      tr.append(td);
    }
    body.append(tr);
  }
  $('more').textContent = r.moreNotWritten ? I18N.t('more', r.moreNotWritten) : '';
}

async function showResults() {
  try {
    const r = await api('GET', '/api/results');
    shown.results = r;
    drawResults(r);
    $('results').hidden = false;
  } catch (err) {
    say('runFailed', [{ server: err.message }], true);
  }
}

// ---- downloads: fetched with the token, then saved from a blob ----
async function download(url, name) {
  try {
    const r = await fetch(url, { headers: { 'X-Deid-Token': token } });
    if (!r.ok) throw failure(r.status, await r.text());
    const href = URL.createObjectURL(await r.blob());
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
  } catch (err) {
    say('runFailed', [{ server: err.message }], true);
  }
}
$('dl-zip').addEventListener('click', () => download('/download/deid.zip', 'deid.zip'));
$('dl-report').addEventListener('click', () => download('/download/report.csv', 'report.csv'));
$('dl-mapping').addEventListener('click',
  () => download('/download/mapping.csv', 'mapping-KEY-keep-with-research-lead.csv'));

// A run may be going on already (page reloaded, a second tab): pick it up.
api('GET', '/api/progress').then((p) => {
  if (p.state === 'running') startPolling();
  else if (p.state === 'done') { $('progress').hidden = false; poll(); }
}).catch(() => {});
