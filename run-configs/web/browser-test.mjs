// Drives the web page in headless Debian Chromium:
//   node browser-test.mjs URL COHORT DOWNLOADS PNG ZIP NODICOM_ZIP [SHOTS_DIR]
// English page: a folder upload, a run, its counts, downloads and PHI checks, then a failed start
// after the finished run (the stale-result case). Korean page (browser language ko-KR): the same
// cohort as a .zip, a run, then a zip with no DICOM file in it, shown as a failure with the reason.
// Screenshots of both languages (start, progress, done, error) go to SHOTS_DIR when given.
// Exits non-zero with a message on the first failed check.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [url, cohort, downloads, screenshot, cohortZip, noDicomZip, shots] = process.argv.slice(2);
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
const shot = async (page, name) => {
  if (shots) await page.screenshot({ path: path.join(shots, name + '.png'), fullPage: true });
};
const text = (page, sel) => page.textContent(sel);
// Starts the run and takes the progress screenshot while it runs.
const runAndWait = async (page, lang) => {
  await page.click('#start');
  // some files counted, or already finished (a small cohort runs in seconds)
  await page.waitForFunction(() => document.getElementById('bar').value > 0
    || !document.getElementById('results').hidden, null, { timeout: 60000, polling: 50 });
  await shot(page, lang + '-2-progress');
  await page.waitForSelector('#results:not([hidden])', { timeout: 180000 });
};
// A failed start after a finished run: the old results and downloads must go, the reason show.
const staleCase = async (page, lang, reason) => {
  check(!(await page.isHidden('#results')), lang + ': results shown before the failed start');
  await page.check('input[name=source][value=path]');
  await page.fill('#input-path', '/no/such/folder');
  await page.click('#start');
  await page.waitForFunction(() => document.getElementById('message').className === 'error');
  check(await page.isHidden('#results'), lang + ': the previous results are cleared');
  check(await page.isHidden('#progress'), lang + ': the previous progress is cleared');
  const shown = await text(page, '#message');
  check(shown.includes(reason), `${lang}: the server's reason "${reason}" in "${shown}"`);
  await shot(page, lang + '-4-error-after-run');
};
const reportCounts = (report) => {
  const statuses = report.trim().split('\n').slice(1)
    .map((l) => l.match(/,(written|unchanged|skipped|quarantined|failed),/)[1]);
  return statuses;
};
const checkCounts = async (page, statuses, lang) => {
  for (const k of ['written', 'unchanged', 'skipped', 'quarantined', 'failed']) {
    const shown = Number(await text(page, '#count-' + k));
    const inReport = statuses.filter((s) => s === k).length;
    check(shown === inReport, `${lang} ${k}: page shows ${shown}, report has ${inReport}`);
  }
};
try {
  // ---- English ----
  const en = await browser.newContext({ locale: 'en-US', viewport: { width: 1100, height: 900 } });
  const page = await en.newPage();
  await page.goto(url);
  check(await page.evaluate(() => document.documentElement.lang) === 'en', 'English page for en-US');
  await shot(page, 'en-1-start');
  // every text the upload line shows, to check it gave bytes, rate and time left
  await page.evaluate(() => {
    window.stagedTexts = [];
    new MutationObserver(() => window.stagedTexts.push(document.getElementById('staged')
      .textContent)).observe(document.getElementById('staged'), { childList: true });
  });
  await page.setInputFiles('#folder-input', cohort);
  const total = walk(cohort).length;
  await page.waitForFunction((n) => document.getElementById('staged').textContent
    === n + ' files ready.', total, { timeout: 60000 });
  const uploadLines = await page.evaluate(() => window.stagedTexts);
  check(uploadLines.some((t) => /^Uploading: \d+ of \d+ files, [\d.]+ of [\d.]+ MB, [\d.]+ MB\/s, about \S+ s left$/.test(t)),
    'the upload shows files, bytes, rate and time left: ' + uploadLines.slice(0, 3).join(' | '));
  await page.fill('input[name=subjectPrefix]', 'STUDY');
  await runAndWait(page, 'en');
  check(await text(page, '#state') === 'done', 'the run ends done');
  await shot(page, 'en-3-done');

  fs.mkdirSync(downloads, { recursive: true });
  const save = async (p, button, name) => {
    const [d] = await Promise.all([p.waitForEvent('download'), p.click(button)]);
    const file = path.join(downloads, name);
    await d.saveAs(file);
    return file;
  };
  const report = fs.readFileSync(await save(page, '#dl-report', 'report.csv'), 'utf8');
  const mapping = fs.readFileSync(await save(page, '#dl-mapping', 'mapping.csv'), 'utf8');
  const zip = await save(page, '#dl-zip', 'deid.zip');

  // The counts shown are the report's.
  const statuses = reportCounts(report);
  check(statuses.length === total, `report rows ${statuses.length} = files uploaded ${total}`);
  await checkCounts(page, statuses, 'en');
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
  await staleCase(page, 'en', 'the DICOM folder does not exist or is not a folder');
  console.log(`English page: checked ${dcm.length} files, ${planted.length} planted values, `
    + `counts of ${statuses.length} inputs, the stale-result case`);

  // ---- Korean, a .zip upload ----
  const ko = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1100, height: 900 } });
  const kp = await ko.newPage();
  await kp.goto(url);
  check(await kp.evaluate(() => document.documentElement.lang) === 'ko', 'Korean page for ko-KR');
  check((await text(kp, 'h1')).includes('비식별화'), 'Korean title: ' + await text(kp, 'h1'));
  check((await text(kp, '#start')) === '비식별화 시작', 'Korean start button');
  await shot(kp, 'ko-1-start');
  await kp.setInputFiles('#zip-input', cohortZip);
  await kp.waitForFunction((n) => document.getElementById('staged').textContent
    === '파일 ' + n + '개 준비 완료.', total, { timeout: 60000 });
  await runAndWait(kp, 'ko');
  check(await text(kp, '#state') === '완료', 'the Korean run ends 완료: ' + await text(kp, '#state'));
  await shot(kp, 'ko-3-done');
  const koReport = fs.readFileSync(await save(kp, '#dl-report', 'report-ko.csv'), 'utf8');
  const koStatuses = reportCounts(koReport);
  check(koStatuses.length === total, `zip: report rows ${koStatuses.length} = files in the cohort ${total}`);
  await checkCounts(kp, koStatuses, 'ko');
  check(koStatuses.filter((s) => s === 'written').length === dcm.length,
    'the zip run writes as many files as the folder run');
  await staleCase(kp, 'ko', 'DICOM 폴더가 없거나 폴더가 아닙니다.');

  // The switch: English on the same page, and back.
  await kp.click('[data-lang=en]');
  check((await text(kp, '#start')) === 'Start de-identification', 'the switch to English');
  await kp.click('[data-lang=ko]');

  // A zip with no DICOM file: a failure with the reason, not "finished".
  await kp.check('input[name=source][value=upload]');
  await kp.setInputFiles('#zip-input', noDicomZip);
  await kp.waitForFunction(() => document.getElementById('staged').textContent.endsWith('준비 완료.'));
  await kp.click('#start');
  await kp.waitForFunction(() => document.getElementById('message').className === 'error',
    null, { timeout: 60000 });
  const noDicom = await text(kp, '#message');
  check(noDicom.includes('입력에 DICOM 파일이 없습니다'), 'no DICOM: ' + noDicom);
  check(await text(kp, '#state') === '실패', 'no DICOM: the state says 실패');
  check(await kp.isHidden('#results'), 'no DICOM: no results shown');
  console.log('Korean page: a .zip upload, counts of ' + koStatuses.length
    + ' inputs, the stale-result case, the language switch, a zip with no DICOM file');
} finally {
  await browser.close();
}
