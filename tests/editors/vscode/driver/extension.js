// Test driver for run-vscode.sh, running in VS Code's real extension host next to the
// dockerfile-ls extension. With DFLS_VSCODE_TEST_DIR set it opens TEST_FILE, checks through
// VS Code's own API what the extension provides (diagnostics, completion, hover, code actions)
// and writes DFLS_VSCODE_TEST_DIR/api.json; then it reports every change of the document in
// doc.json, so that the browser side can confirm the quick-fix it applies through the UI.
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

function writeJson(dir, name, value) {
  const file = path.join(dir, name);
  fs.writeFileSync(file + '.tmp', JSON.stringify(value, null, 1));
  fs.renameSync(file + '.tmp', file);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const codeOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);
const textOf = (c) => (typeof c === 'string' ? c : c.value || '');

async function check(report, expected, file) {
  const ok = (name, pass, detail) => report.checks.push({ name, ok: !!pass, detail: detail === undefined ? undefined : String(detail) });
  const uri = vscode.Uri.file(file);
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  ok('languageId dockerfile', doc.languageId === 'dockerfile', doc.languageId);
  const ext = vscode.extensions.getExtension('dockerfile-ls.dockerfile-ls');
  ok('dockerfile-ls extension active', ext && ext.isActive, ext ? ext.packageJSON.version : 'not installed');

  // Diagnostics: wait until each expected (line, rule id) is there.
  const find = (e) => vscode.languages.getDiagnostics(uri).find((d) => d.range.start.line === e.line - 1 && codeOf(d) === e.code);
  const complete = () => expected.diagnostics.every(find);
  await withTimeout(new Promise((resolve) => {
    if (complete()) return resolve();
    const sub = vscode.languages.onDidChangeDiagnostics(() => { if (complete()) { sub.dispose(); resolve(); } });
  }), 15000, 'diagnostics').catch((e) => report.notes.push(e.message));
  report.diagnostics = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${codeOf(d)}`);
  const severities = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning };
  for (const e of expected.diagnostics) {
    const d = find(e);
    ok(`diagnostic ${e.code} on line ${e.line}`, d);
    if (d) ok(`  severity ${e.severity}`, d.severity === severities[e.severity], d.severity);
  }

  const c = expected.completion;
  const list = await withTimeout(vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri,
    new vscode.Position(c.line - 1, c.character - 1)), 10000, 'completion').catch((e) => ({ items: [], error: e.message }));
  const labels = (list.items || []).map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
  ok(`completion offers ${c.label}`, labels.some((l) => l === c.label || l.startsWith(c.label + ' ')), list.error || labels.join(','));

  const h = expected.hover;
  const hovers = await withTimeout(vscode.commands.executeCommand('vscode.executeHoverProvider', uri,
    new vscode.Position(h.line - 1, h.character - 1)), 10000, 'hover').catch(() => []);
  const hover = hovers.flatMap((x) => x.contents.map(textOf)).join('\n');
  ok(`hover mentions "${h.contains}"`, hover.toLowerCase().includes(h.contains), hover.slice(0, 80).replace(/\n/g, ' '));

  const q = expected.quickfix;
  const line = doc.lineAt(q.line - 1).range;
  const actions = await withTimeout(vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, line),
    10000, 'code actions').catch(() => []);
  const titles = actions.map((a) => a.title);
  report.quickfix_titles = titles;
  ok('quick-fix offered', titles.some((t) => t.includes(q.title_contains) && !t.startsWith('Ignore')), titles.join(' | '));
}

exports.activate = async function activate() {
  const dir = process.env.DFLS_VSCODE_TEST_DIR;
  if (!dir) return;
  const report = { vscode: vscode.version, checks: [], notes: [] };
  const t0 = Date.now();
  try {
    const expected = JSON.parse(fs.readFileSync(process.env.EXPECTED_JSON, 'utf8'));
    const file = process.env.TEST_FILE;
    await check(report, expected, file);
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document.uri.fsPath !== file) return;
      writeJson(dir, 'doc.json', { version: event.document.version, lines: event.document.getText().split('\n') });
    });
  } catch (e) {
    report.error = String((e && e.stack) || e);
  }
  report.ms = Date.now() - t0;
  writeJson(dir, 'api.json', report);
};

exports.deactivate = function deactivate() {};
