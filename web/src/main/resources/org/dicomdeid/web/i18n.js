// The page's words in English and Korean (terms as Korean hospitals' research offices use them:
// 비식별화/가명처리, 등록번호, 검사일, 연구대상자 번호, 대응표). The server answers in English; its
// fixed sentences are translated here, and a message that starts with a known sentence keeps its
// technical rest (a path, a count, an exception) as the server wrote it.
'use strict';
const TEXT = {
  en: {
    title: 'DICOM de-identification',
    subtitle: 'Runs on this computer only. Nothing is sent anywhere else.',
    s1: '1. The DICOM files',
    srcUpload: 'Upload a folder or .zip files from this computer',
    chooseFolder: 'Choose a folder',
    chooseZip: 'Choose .zip files',
    dropHint: 'or drag a folder or .zip files here',
    noFiles: 'No files chosen.',
    zipRules: 'A .zip is unpacked on this computer: at most 200,000 files and 64 GiB unpacked '
      + '(never more than the free disk space), no file more than 100 times its compressed size; '
      + 'a path that leaves the folder is refused.',
    srcPath: 'Use a folder on this machine',
    s2: '2. Options',
    prefix: 'Subject prefix',
    dates: 'Dates',
    keep: 'Keep full dates (default)',
    shift: 'Shift dates by a fixed amount per subject',
    burned: 'Also write images that may have text burned into the pixels '
      + '(by default they are held back: "quarantined")',
    continue: 'Continue an earlier batch, or use another key',
    mappingLabel: 'Mapping CSV to continue (full path; new subjects are added to it)',
    keyLabel: 'Secret key file (full path; default ~/.dicom-deid/deid.key)',
    start: 'Start de-identification',
    s3: '3. Progress',
    written: 'written',
    unchanged: 'unchanged (identical file already there)',
    skipped: 'skipped (not DICOM)',
    quarantined: 'quarantined',
    failed: 'failed',
    s4: '4. Results',
    dlZip: 'Download de-identified files (zip)',
    dlReport: 'Download report (CSV)',
    keyTitle: 'Key file: the mapping CSV',
    keyText: "It links each subject to the patient's MRN. It must stay with the research lead: "
      + 'never share it with the de-identified data.',
    dlMapping: 'Download mapping CSV (key)',
    savedAt: 'Saved on this machine at',
    notWritten: 'Files not written',
    thFile: 'File',
    thStatus: 'Status',
    thReason: 'Reason',
    state_idle: 'idle',
    state_running: 'running',
    state_done: 'done',
    state_error: 'failed',
    doneOf: '{0} of {1} files done',
    uploading: 'Uploading: {0} of {1} files, {2} of {3} MB, {4} MB/s, about {5} left',
    unpacking: 'Unpacking {0} on this computer…',
    ready: '{0} files ready.',
    uploadFailed: 'Upload failed: {0}',
    chooseFirst: 'Choose a folder or .zip files to upload first.',
    running: 'Running…',
    startFailed: 'Could not start: {0}',
    runFailed: 'The run failed: {0}',
    deletedUpload: 'The uploaded copy was deleted after the run.',
    summary: 'Done in {0} s: {1} inputs, {2} written, {3} unchanged, {4} skipped, '
      + '{5} quarantined, {6} failed. De-identified files: {7}',
    more: '{0} more rows: see the report.',
    minSec: '{0} min {1} s',
    sec: '{0} s',
    server: '{0}',
  },
  ko: {
    title: 'DICOM 비식별화(가명처리)',
    subtitle: '이 컴퓨터 안에서만 처리합니다. 어떤 자료도 외부로 보내지 않습니다.',
    s1: '1. DICOM 파일',
    srcUpload: '이 컴퓨터의 폴더 또는 .zip 파일 업로드',
    chooseFolder: '폴더 선택',
    chooseZip: '.zip 파일 선택',
    dropHint: '또는 폴더나 .zip 파일을 여기에 끌어다 놓으세요',
    noFiles: '선택한 파일이 없습니다.',
    zipRules: '.zip 파일은 이 컴퓨터에서 압축을 풉니다: 파일 200,000개, 풀린 크기 64 GiB까지'
      + '(남은 디스크 공간을 넘지 않음), 압축 크기의 100배를 넘게 풀리는 파일은 받지 않으며, '
      + '폴더 밖을 가리키는 경로가 있으면 거부합니다.',
    srcPath: '이 컴퓨터에 있는 폴더 경로 사용',
    s2: '2. 설정',
    prefix: '연구대상자 번호 접두어',
    dates: '날짜(검사일 등)',
    keep: '날짜를 그대로 유지(기본값)',
    shift: '연구대상자별로 정해진 기간만큼 날짜 이동',
    burned: '영상에 글자(환자 정보)가 새겨져 있을 수 있는 파일도 저장'
      + '(기본값은 저장하지 않고 "보류")',
    continue: '이전 작업에 이어서 하기, 또는 다른 키 사용',
    mappingLabel: '이어서 쓸 대응표(매핑 CSV)의 전체 경로(새 연구대상자가 추가됩니다)',
    keyLabel: '비밀 키 파일의 전체 경로(기본값 ~/.dicom-deid/deid.key)',
    start: '비식별화 시작',
    s3: '3. 진행 상황',
    written: '저장',
    unchanged: '변경 없음(같은 파일이 이미 있음)',
    skipped: '제외(DICOM 아님)',
    quarantined: '보류(영상 내 글자 가능성)',
    failed: '실패',
    s4: '4. 결과',
    dlZip: '비식별화된 파일 내려받기(zip)',
    dlReport: '처리 결과 보고서 내려받기(CSV)',
    keyTitle: '대응표(매핑 CSV): 재식별 키 파일',
    keyText: '연구대상자 번호와 환자 등록번호를 잇는 추가정보입니다. 연구책임자가 따로 보관해야 '
      + '하며, 비식별화된 자료와 함께 제공하면 안 됩니다.',
    dlMapping: '대응표(매핑 CSV) 내려받기',
    savedAt: '이 컴퓨터의 저장 위치:',
    notWritten: '저장되지 않은 파일',
    thFile: '파일',
    thStatus: '상태',
    thReason: '사유',
    state_idle: '대기',
    state_running: '처리 중',
    state_done: '완료',
    state_error: '실패',
    doneOf: '전체 {1}개 중 {0}개 처리',
    uploading: '업로드 중: 전체 {1}개 중 {0}개, {3} MB 중 {2} MB, 초당 {4} MB, 약 {5} 남음',
    unpacking: '{0} 압축을 이 컴퓨터에서 푸는 중…',
    ready: '파일 {0}개 준비 완료.',
    uploadFailed: '업로드 실패: {0}',
    chooseFirst: '먼저 업로드할 폴더나 .zip 파일을 선택하세요.',
    running: '처리 중…',
    startFailed: '시작하지 못했습니다: {0}',
    runFailed: '실행 실패: {0}',
    deletedUpload: '업로드한 사본은 처리 후 삭제했습니다.',
    summary: '{0}초 만에 완료: 입력 {1}개 중 저장 {2}, 변경 없음 {3}, 제외 {4}, 보류 {5}, '
      + '실패 {6}. 비식별화된 파일 위치: {7}',
    more: '{0}개 행이 더 있습니다. 보고서를 확인하세요.',
    minSec: '{0}분 {1}초',
    sec: '{0}초',
    server: '{0}',
  },
};

// The server's sentences in Korean: whole messages, then beginnings of longer ones.
const SERVER_KO = {
  'a run is already in progress: wait for it to finish, then start the next one':
    '이미 처리 중인 작업이 있습니다. 끝난 뒤에 다음 작업을 시작하세요.',
  'no files uploaded: choose a folder first': '업로드한 파일이 없습니다. 먼저 폴더를 선택하세요.',
  'the DICOM folder does not exist or is not a folder': 'DICOM 폴더가 없거나 폴더가 아닙니다.',
  'the DICOM folder is required': 'DICOM 폴더 경로를 입력하세요.',
  'the DICOM folder must be a full path, starting with /':
    'DICOM 폴더는 /로 시작하는 전체 경로여야 합니다.',
  "the DICOM folder's path may not contain a comma": 'DICOM 폴더 경로에 쉼표(,)를 쓸 수 없습니다.',
  'choose a folder path or an upload': '폴더 경로와 업로드 중 하나를 선택하세요.',
  'the subject prefix must be a letter then up to 31 letters or digits, e.g. SUBJ':
    '연구대상자 번호 접두어는 영문자로 시작하고, 그 뒤에 영문자나 숫자가 31자까지 올 수 있습니다(예: SUBJ).',
  'dates must be keep or shift': '날짜는 유지 또는 이동 중 하나를 선택하세요.',
  "the mapping CSV's folder does not exist": '대응표(매핑 CSV)를 둘 폴더가 없습니다.',
  'the mapping CSV must be a full path, starting with /':
    '대응표(매핑 CSV)는 /로 시작하는 전체 경로여야 합니다.',
  'the secret key file must be a full path, starting with /':
    '비밀 키 파일은 /로 시작하는 전체 경로여야 합니다.',
  'no finished run yet': '아직 끝난 작업이 없습니다.',
  'no finished run to download from': '내려받을 끝난 작업이 없습니다.',
  'missing or wrong session token: reload the page':
    '세션 토큰이 없거나 맞지 않습니다. 페이지를 새로 고치세요.',
  'this page answers only as 127.0.0.1 or localhost':
    '이 페이지는 127.0.0.1 또는 localhost 주소로만 열 수 있습니다.',
  'the same file name was uploaded twice': '같은 이름의 파일이 두 번 업로드되었습니다.',
  'the same zip name was uploaded twice': '같은 이름의 zip 파일이 두 번 업로드되었습니다.',
  'the zip holds a path that leaves its folder': 'zip 안에 폴더 밖을 가리키는 경로가 있어 풀지 않았습니다.',
  'form too large': '입력 양식이 너무 큽니다.',
  'no such page': '없는 페이지입니다.',
  'a file name is required (at most 4096 characters)': '파일 이름이 필요합니다(4096자 이내).',
  'file name leaves the upload folder': '파일 이름이 업로드 폴더 밖을 가리킵니다.',
  'file names may not hold empty, . or .. segments':
    '파일 이름에 빈 부분, . 또는 .. 을 쓸 수 없습니다.',
  'file names must be relative paths with / separators':
    '파일 이름은 /로 구분한 상대 경로여야 합니다.',
  finished: '완료',
  'finished; some inputs failed (see the table)': '완료. 일부 파일은 실패했습니다(아래 표 참고).',
};
const SERVER_KO_START = {
  'no DICOM file in the input': '입력에 DICOM 파일이 없습니다',
  'the zip holds more than': 'zip 안의 항목이 너무 많습니다. 나누어 올리세요:',
  'the zip holds an unsafe file name': 'zip 안에 안전하지 않은 파일 이름이 있어 풀지 않았습니다',
  'the zip could not be read': 'zip 파일을 읽을 수 없습니다',
  'the zip unpacks to more than': '압축을 풀면 64 GiB 또는 남은 디스크 공간보다 큽니다:',
  'the zip holds a file that unpacks to more than':
    '압축 크기의 100배가 넘게 풀리는 파일이 있어(zip 폭탄 의심) 풀지 않았습니다:',
  'bad options:': '설정 오류:',
  'pipeline failed:': '처리 중 오류:',
  'the run failed': '실행 실패',
  'internal error': '내부 오류',
};

const I18N = {
  lang: 'en',
  // Korean when the browser asks for it first (or the switch chose it), else English.
  choose() {
    const saved = localStorage.getItem('deid-lang');
    if (saved === 'ko' || saved === 'en') return saved;
    const first = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
    return first.toLowerCase().startsWith('ko') ? 'ko' : 'en';
  },
  t(key, ...args) {
    const s = TEXT[this.lang][key] ?? TEXT.en[key] ?? key;
    return s.replace(/\{(\d)\}/g, (m, i) => String(args[Number(i)]));
  },
  // A server message in the page's language: the sentence translated, the details kept.
  server(message) {
    if (this.lang !== 'ko' || !message) return message;
    if (SERVER_KO[message]) return SERVER_KO[message];
    for (const [start, ko] of Object.entries(SERVER_KO_START)) {
      if (message.startsWith(start)) return ko + ' ' + message.slice(start.length).replace(/^[:;,]\s*/, '');
    }
    return message;
  },
  apply(lang) {
    this.lang = lang;
    document.documentElement.lang = lang;
    for (const el of document.querySelectorAll('[data-t]')) el.textContent = this.t(el.dataset.t);
    for (const b of document.querySelectorAll('[data-lang]')) {
      b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    }
  },
};
