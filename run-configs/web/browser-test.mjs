// Drives the web page in headless Debian Chromium: node browser-test.mjs URL COHORT DOWNLOADS PNG
// Exits non-zero with a message on the first failed check.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [url, cohort, downloads, screenshot] = process.argv.slice(2);
const check = (ok, what) => { if (!ok) throw new Error('check failed: ' + what); };

// What the generator planted: MRNs and CT dates from the folder names <MRN>_<date>, patient
// names from the input files' PatientName (read with dcmdump).
const visits = fs.readdirSync(cohort).filter((n) => /^[^_]+_\d{8}$/.test(n));
const mrns = [...new Set(visits.map((n) => n.split('_')[0]))];
check(mrns.length === 3, 'the cohort has 3 patients, found ' + mrns.length);
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
const dump = (file, tag) => {
  try {
    const out = execFileSync('dcmdump', ['-q', '+P', tag, file], { encoding: 'latin1' });
    const m = out.match(/\[([^\]]*)\]/);
    return m ? m[1].trim() : null;
  } catch { return null; }
};
const names = new Set();
for (const f of walk(cohort)) {
  const n = dump(f, 'PatientName');
  if (n) n.split(/[\^=]/).filter((p) => p.length >= 3).forEach((p) => names.add(p));
}
const planted = [...mrns, ...names];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--headless', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(url);
  await page.setInputFiles('#folder-input', cohort);
  const total = walk(cohort).length;
  await page.waitForFunction((n) => document.getElementById('staged').textContent
    === n + ' files ready.', total, { timeout: 60000 });
  await page.fill('input[name=subjectPrefix]', 'STUDY');
  await page.click('#start');
  await page.waitForSelector('#results:not([hidden])', { timeout: 180000 });
  check(await page.textContent('#state') === 'done', 'the run ends done');

  fs.mkdirSync(downloads, { recursive: true });
  const save = async (button, name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const file = path.join(downloads, name);
    await d.saveAs(file);
    return file;
  };
  const report = fs.readFileSync(await save('#dl-report', 'report.csv'), 'utf8');
  const mapping = fs.readFileSync(await save('#dl-mapping', 'mapping.csv'), 'utf8');
  const zip = await save('#dl-zip', 'deid.zip');

  // The counts shown are the report's.
  const statuses = report.trim().split('\n').slice(1).map((l) => l.match(/,(written|skipped|quarantined|failed),/)[1]);
  check(statuses.length === total, `report rows ${statuses.length} = files uploaded ${total}`);
  for (const k of ['written', 'skipped', 'quarantined', 'failed']) {
    const shown = Number(await page.textContent('#count-' + k));
    const inReport = statuses.filter((s) => s === k).length;
    check(shown === inReport, `${k}: page shows ${shown}, report has ${inReport}`);
  }
  const notWritten = await page.$$eval('#not-written tbody tr', (rows) => rows.length);
  check(notWritten === statuses.filter((s) => s !== 'written').length, 'table of files not written');

  // The mapping: subj,MRN,ct_date first, one subject per planted MRN.
  const rows = mapping.trim().split('\n');
  check(rows[0].startsWith('subj,MRN,ct_date'), 'mapping header: ' + rows[0]);
  const pairs = new Set(rows.slice(1).map((r) => r.split(',').slice(0, 3).join(',')));
  const subjOf = new Map(rows.slice(1).map((r) => r.split(',')).map((c) => [c[1], c[0]]));
  check(mrns.every((m) => /^STUDY\d+$/.test(subjOf.get(m) || '')), 'every MRN has a STUDY subject');

  // The zip: every .dcm has PatientID = a subject, PatientName = subject_date of its mapping row.
  const out = path.join(downloads, 'unzipped');
  execFileSync('unzip', ['-q', zip, '-d', out]);
  const dcm = walk(out).filter((f) => f.endsWith('.dcm'));
  check(dcm.length === statuses.filter((s) => s === 'written').length, 'zip holds every written file');
  for (const f of dcm) {
    const id = dump(f, 'PatientID');
    const name = dump(f, 'PatientName');
    const date = (name || '').slice(id.length + 1);
    const mrn = [...subjOf].find(([, s]) => s === id)?.[0];
    check(mrn && name === `${id}_${date}` && pairs.has(`${id},${mrn},${date}`),
      `PatientID/PatientName of ${path.relative(out, f)}: ${id} ${name}`);
  }
  // No planted PHI in the zip's bytes nor in the extracted files' bytes or names.
  const haystacks = [fs.readFileSync(zip).toString('latin1'),
    ...walk(out).map((f) => path.relative(out, f) + fs.readFileSync(f).toString('latin1'))];
  for (const p of planted) check(!haystacks.some((h) => h.includes(p)), 'planted PHI in the zip');

  await page.screenshot({ path: screenshot, fullPage: true });
  console.log(`checked ${dcm.length} files, ${planted.length} planted values, counts ${statuses.length}`);
} finally {
  await browser.close();
}
