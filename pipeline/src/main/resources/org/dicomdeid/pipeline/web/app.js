// The page's behaviour: upload a folder (or name one), start a run, poll its progress every
// second, show the results and download them. Every call sends the session token.
'use strict';
const token = document.querySelector('meta[name="deid-token"]').content;
const $ = (id) => document.getElementById(id);
const form = $('run-form');
let staged = 0;
let polling = null;

async function api(method, url, body) {
  const r = await fetch(url, { method, body, headers: { 'X-Deid-Token': token } });
  const data = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(data.error || ('HTTP ' + r.status));
  return data;
}

function say(text, isError) {
  $('message').textContent = text;
  $('message').className = isError ? 'error' : '';
}

// ---- choosing files ----
function source() { return form.elements.source.value; }

form.addEventListener('change', (e) => {
  if (e.target.name === 'source') $('input-path').disabled = source() !== 'path';
});

async function uploadAll(files) {
  form.elements.source.value = 'upload';
  $('input-path').disabled = true;
  $('start').disabled = true;
  try {
    await api('POST', '/api/upload-reset');
    staged = 0;
    let next = 0;
    const worker = async () => {
      while (next < files.length) {
        const f = files[next++];
        await api('POST', '/api/upload?path=' + encodeURIComponent(f.path), f.file);
        staged++;
        $('staged').textContent = 'Uploading: ' + staged + ' of ' + files.length + ' files';
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    $('staged').textContent = staged + ' files ready.';
    say('');
  } catch (err) {
    $('staged').textContent = 'Upload failed.';
    say(err.message, true);
  } finally {
    $('start').disabled = false;
  }
}

$('folder-input').addEventListener('change', (e) => {
  const files = Array.from(e.target.files).map((f) => ({ file: f, path: f.webkitRelativePath || f.name }));
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
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const data = new URLSearchParams(new FormData(form));
  if (!form.elements.allowBurnedIn.checked) data.delete('allowBurnedIn');
  if (source() === 'upload' && staged === 0) { say('Choose a folder to upload first.', true); return; }
  try {
    await api('POST', '/api/run', data);
    say('Running…');
    $('results').hidden = true;
    startPolling();
  } catch (err) {
    say(err.message, true);
  }
});

function startPolling() {
  $('progress').hidden = false;
  $('start').disabled = true;
  if (!polling) polling = setInterval(poll, 1000);
  poll();
}

async function poll() {
  let p;
  try { p = await api('GET', '/api/progress'); } catch (err) { say(err.message, true); return; }
  $('state').textContent = p.state;
  $('done').textContent = p.done;
  $('matched').textContent = p.matched;
  $('bar').max = Math.max(p.matched, 1);
  $('bar').value = p.done;
  for (const k of ['written', 'skipped', 'quarantined', 'failed']) $('count-' + k).textContent = p[k];
  if (p.state === 'running') return;
  clearInterval(polling);
  polling = null;
  $('start').disabled = false;
  if (staged) $('staged').textContent = 'The uploaded copy was deleted after the run.';
  staged = 0;
  if (p.state === 'done') { say(p.message); showResults(); } else if (p.state === 'error') say(p.message, true);
}

async function showResults() {
  const r = await api('GET', '/api/results');
  $('summary').textContent = 'Done in ' + r.seconds.toFixed(1) + ' s: ' + r.inputs + ' inputs, '
    + r.written + ' written, ' + r.skipped + ' skipped, ' + r.quarantined + ' quarantined, '
    + r.failed + ' failed. De-identified files: ' + r.output;
  $('mapping-path').textContent = r.mappingCsv;
  const body = $('not-written').tBodies[0];
  body.replaceChildren();
  for (const row of r.notWritten) {
    const tr = document.createElement('tr');
    for (const k of ['input', 'status', 'reason']) {
      const td = document.createElement('td');
      td.textContent = row[k];
      tr.append(td);
    }
    body.append(tr);
  }
  $('more').textContent = r.moreNotWritten ? r.moreNotWritten + ' more rows: see the report.' : '';
  $('results').hidden = false;
}

// ---- downloads: fetched with the token, then saved from a blob ----
async function download(url, name) {
  try {
    const r = await fetch(url, { headers: { 'X-Deid-Token': token } });
    if (!r.ok) throw new Error((await r.json().catch(() => ({}))).error || 'HTTP ' + r.status);
    const href = URL.createObjectURL(await r.blob());
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(href), 60000);
  } catch (err) {
    say(err.message, true);
  }
}
$('dl-zip').addEventListener('click', () => download('/download/deid.zip', 'deid.zip'));
$('dl-report').addEventListener('click', () => download('/download/report.csv', 'report.csv'));
$('dl-mapping').addEventListener('click',
  () => download('/download/mapping.csv', 'mapping-KEY-keep-with-research-lead.csv'));

// A run may be going on already (page reloaded): pick it up.
api('GET', '/api/progress').then((p) => {
  if (p.state === 'running') startPolling();
  else if (p.state === 'done') { $('progress').hidden = false; poll(); }
}).catch(() => {});
