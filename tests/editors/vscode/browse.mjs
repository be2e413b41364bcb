// The browser half of run-vscode.sh: opens code-server's workbench in Debian's Chromium through
// playwright-core, waits for the driver extension's API checks (api.json), then checks what a
// person sees and does: squiggles and the status bar, the hover widget over FROM, the suggest
// widget after `RUN --mount=type=`, and a quick-fix picked from the light-bulb menu (Ctrl+.)
// that changes the line in the editor and in the document.
// usage: node browse.mjs URL TEST_DIR   (env: PLAYWRIGHT_CORE, CHROMIUM, EXPECTED_JSON)
// Exit codes: 0 all checks passed, 1 a check failed, 2 setup error, 124 hard timeout.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE);
const [url, dir] = process.argv.slice(2);
const expected = JSON.parse(fs.readFileSync(process.env.EXPECTED_JSON, 'utf8'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

let failures = 0;
function check(name, ok, detail) {
  console.log(`[${ok ? 'PASS' : 'FAIL'}] ${name}${detail === undefined ? '' : `: ${detail}`}`);
  if (!ok) failures += 1;
  return ok;
}

async function waitFor(cond, ms) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await cond();
    if (value || Date.now() > until) return value;
    await sleep(100);
  }
}

const readJson = (name) => {
  try { return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')); } catch { return undefined; }
};
// Rendered editor text uses non-breaking spaces.
const plain = (s) => (s || '').replace(/\u00a0/g, ' ');

const hard = setTimeout(() => { console.log('FAIL: browse.mjs hard timeout'); process.exit(124); }, 120000);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/lib/chromium/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  timeout: 30000,
});
let code = 0;
let page;
try {
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30000 });
  await page.waitForSelector('.monaco-workbench', { timeout: 30000 });
  console.log(`workbench after ${since()}`);

  // 1. The driver's checks through VS Code's API (rule ids and lines, completion, hover, actions).
  const api = await waitFor(() => readJson('api.json'), 60000);
  if (!check('driver extension reported', api, api ? `VS Code ${api.vscode}, ${api.ms} ms` : 'no api.json')) {
    throw new Error('the driver extension did not report (see code-server.log)');
  }
  if (api.error) check('driver ran without error', false, api.error);
  for (const c of api.checks) check(`api: ${c.name}`, c.ok, c.detail);
  for (const note of api.notes || []) console.log(`  note: ${note}`);
  console.log(`  diagnostics: ${(api.diagnostics || []).join(' ')}`);

  // The editor with the Dockerfile (opened by the driver).
  const lineEl = async (prefix) => {
    for (const el of await page.locator('.monaco-editor .view-lines .view-line').all()) {
      if (plain(await el.innerText()).startsWith(prefix)) return el;
    }
    return undefined;
  };
  await waitFor(() => lineEl('MAINTAINER'), 15000);

  // 2. Diagnostics as the user sees them.
  const want = (severity) => expected.diagnostics.filter((d) => d.severity === severity).length;
  const errors = await waitFor(async () => {
    const n = await page.locator('.squiggly-error').count();
    return n >= want('error') ? n : 0;
  }, 15000);
  const warnings = await page.locator('.squiggly-warning').count();
  check(`at least ${want('error')} error squiggles shown`, errors >= want('error'), `${errors} error, ${warnings} warning squiggles`);
  check(`at least ${want('warning')} warning squiggles shown`, warnings >= want('warning'));
  const status = await page.evaluate(() => {
    const e = document.getElementById('status.problems');
    return e ? e.getAttribute('aria-label') || e.innerText : '';
  });
  check('status bar counts problems', /Errors: [1-9]/.test(status) && /Warnings: [1-9]/.test(status), status);

  // 3. Hover over FROM.
  const h = expected.hover;
  const fromLine = await lineEl('FROM');
  const box = await fromLine.boundingBox();
  await page.mouse.move(box.x + 15, box.y + box.height / 2);
  const hoverSel = '.monaco-hover:not(.hidden) .hover-contents';
  const hover = await waitFor(async () => {
    const el = page.locator(hoverSel).first();
    return (await el.count()) ? plain(await el.innerText()) : '';
  }, 10000);
  check(`hover widget mentions "${h.contains}"`, hover.toLowerCase().includes(h.contains), hover.slice(0, 80).replace(/\n/g, ' '));
  await page.mouse.move(box.x + 900, box.y + 600);
  await page.keyboard.press('Escape');

  // 4. Completion after `RUN --mount=type=` (Ctrl+Space at the end of the line).
  const c = expected.completion;
  const runLine = await lineEl('RUN --mount');
  await runLine.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+Space');
  const rows = await waitFor(async () => {
    const labels = await page.locator('.suggest-widget.visible .monaco-list-row').allInnerTexts();
    return labels.length ? labels : undefined;
  }, 10000) || [];
  const labels = rows.map((r) => plain(r).split('\n')[0].trim());
  check(`suggest widget offers ${c.label}`, labels.some((l) => l === c.label || l.startsWith(c.label + ' ')), labels.join(','));
  await page.keyboard.press('Escape');

  // 5. Quick-fix from the light-bulb menu (Ctrl+.) on the MAINTAINER line.
  const q = expected.quickfix;
  const maintainer = await lineEl('MAINTAINER');
  await maintainer.click();
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+Period');
  const actionRows = page.locator('.action-widget .monaco-list-row');
  const titles = await waitFor(async () => {
    const t = await actionRows.allInnerTexts();
    return t.length ? t.map((x) => plain(x).trim()) : undefined;
  }, 10000) || [];
  const index = titles.findIndex((t) => t.includes(q.title_contains) && !t.startsWith('Ignore'));
  if (check('light-bulb menu offers the quick-fix', index >= 0, titles.join(' | '))) {
    // Move the menu's focus to the fix with the arrow keys, then Enter (as a person would;
    // a mouse click on the row is swallowed by the menu's overlay in headless Chromium).
    const focused = async () => plain(await page.locator('.action-widget .monaco-list-row.focused').first().innerText().catch(() => '')).trim();
    for (let i = 0; i < titles.length && !(await focused()).includes(q.title_contains); i += 1) {
      await page.keyboard.press('ArrowDown');
      await sleep(100);
    }
    const picked = await focused();
    check('quick-fix focused in the menu', picked.includes(q.title_contains) && !picked.startsWith('Ignore'), picked);
    await page.keyboard.press('Enter');
    const edited = await waitFor(() => lineEl(q.result_prefix), 10000);
    check(`editor shows line starting with ${q.result_prefix}`, edited);
    const doc = await waitFor(() => {
      const d = readJson('doc.json');
      return d && (d.lines[q.result_line - 1] || '').startsWith(q.result_prefix) ? d : undefined;
    }, 10000);
    check(`document line ${q.result_line} starts with ${q.result_prefix}`, doc,
      doc ? doc.lines[q.result_line - 1] : JSON.stringify(readJson('doc.json')));
  }
  await page.screenshot({ path: path.join(dir, 'screenshot.png') });
  code = failures ? 1 : 0;
} catch (e) {
  console.log(`FAIL: browse.mjs: ${String(e.message || e).split('\n')[0]}`);
  code = 2;
  if (page) await page.screenshot({ path: path.join(dir, 'screenshot.png') }).catch(() => undefined);
} finally {
  await browser.close().catch(() => undefined);
  clearTimeout(hard);
}
console.log(`browser checks finished after ${since()}`);
process.exit(code);
