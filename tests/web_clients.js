// web_clients.js - load eventline's web exports into the real libraries in
// headless Chromium (playwright-core driving the system chromium): the
// TimelineJS3 timelinejs.json, the vis-timeline vis.json, and the offline
// viewer index.html.  Reports console errors and page errors, counts what
// rendered, screenshots each page.
//
// usage: node web_clients.js CHROMIUM NPM_DIR OUT_DIR KIND FILE [KIND FILE...]
//   KIND: timelinejs | vis | viewer
// Prints one JSON line per file: {kind, file, errors, slides|items|cards,
// order_ok, title, screenshot}.  Exit 0 unless the browser cannot start.
'use strict';
const path = require('path');
const fs = require('fs');
const [chromium, npmDir, outDir, ...pairs] = process.argv.slice(2);
const { chromium: pw } = require(path.join(npmDir, 'node_modules', 'playwright-core'));

const tl = path.join(npmDir, 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const vis = path.join(npmDir, 'node_modules', 'vis-timeline', 'standalone', 'umd',
                      'vis-timeline-graph2d.min.js');

function timelinejsPage(json) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://${tl}/css/timeline.css">
<script src="file://${tl}/js/timeline.js"></script></head>
<body style="margin:0"><div id="tl" style="width:1100px;height:650px"></div>
<script>window.tl = new TL.Timeline('tl', ${json}, {script_path: 'file://${tl}/js/'});</script>
</body></html>`;
}

function visPage(json) {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<script src="file://${vis}"></script></head>
<body style="margin:0"><div id="vis" style="width:1400px"></div>
<script>const data = ${json};
window.tl = new vis.Timeline(document.getElementById('vis'), data.items, data.groups);
window.tl.fit({animation: false});</script>
</body></html>`;
}

async function load(browser, kind, file, n) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
  // offline: remote requests (TimelineJS asks a CDN for fonts) get an empty
  // answer and are listed, they are not errors of the data
  const remote = [];
  await page.route(/^(https?|wss?):/, (r) => {
    remote.push(r.request().url());
    r.fulfill({ status: 200, body: '' });
  });
  const json = fs.readFileSync(file, 'utf8');
  let url = 'file://' + path.resolve(file);
  if (kind !== 'viewer') {
    const html = path.join(outDir, `web-${kind}-${n}.html`);
    // a JSON text is a JavaScript expression; "</" cannot close the script
    fs.writeFileSync(html, (kind === 'vis' ? visPage : timelinejsPage)(
      json.replace(/<\//g, '<\\/').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')));
    url = 'file://' + html;
  }
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);   // TimelineJS builds slides, vis animates its fit
  const out = { kind, file, errors, remote };
  if (kind === 'timelinejs') {
    out.slides = await page.evaluate(() => document.querySelectorAll('.tl-slide').length);
    out.title_slide = await page.evaluate(() => !!document.querySelector('.tl-slide-titleslide'));
  } else if (kind === 'vis') {
    out.items = await page.evaluate(() => document.querySelectorAll('.vis-item-content').length);
    out.groups = await page.evaluate(() => document.querySelectorAll('.vis-label').length);
  } else {
    // the viewer's dated cards as rendered (visible ones, page order), by
    // the start of their interval, with every event shown
    const keys = async () => page.evaluate(() => Array.from(
      document.querySelectorAll('li[data-begin]')).filter((e) => e.offsetParent !== null)
      .map((e) => e.getAttribute('data-begin')));
    const inOrder = (k) => k.every((b, i) => i === 0 || b >= k[i - 1]);
    const shown = await keys();
    await page.click('#everything');
    const all = await keys();
    out.cards = shown.length;
    out.all_cards = all.length;
    out.order_ok = inOrder(shown) && inOrder(all);
    out.with_sentence = await page.evaluate(() =>
      document.querySelectorAll('li[data-begin] .said q').length);
    await page.click('#everything');
  }
  out.title = await page.title();
  out.screenshot = path.join(outDir, `web-${kind}-${n}.png`);
  // the viewer's whole page, unless only the window is wanted (README pictures)
  const picture = !!process.env.EVENTLINE_SHOT_VIEWPORT;
  await page.screenshot({ path: out.screenshot, fullPage: kind === 'viewer' && !picture,
                          clip: picture && kind === 'timelinejs'
                            ? { x: 0, y: 0, width: 1100, height: 650 } : undefined });
  await page.close();
  return out;
}

(async () => {
  const browser = await pw.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--allow-file-access-from-files'],
  });
  try {
    for (let i = 0; i + 1 < pairs.length; i += 2)
      console.log(JSON.stringify(await load(browser, pairs[i], pairs[i + 1], i / 2)));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(String(e)); process.exit(2); });
