// The dockerfile-ls extension: starts the dockerfile-ls language server for the `dockerfile`
// language that VS Code already defines, and passes the `dockerfile-ls.*` settings to it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

const SECTION = 'dockerfile-ls';
// The settings that belong to the server (see docs/configuration.md); the others (server.*,
// trace.*, formatting.*) are the extension's own and are not sent.
const SERVER_KEYS = ['rules', 'trustedRegistries', 'registry', 'shellcheck', 'target', 'context'];

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;

function expandHome(p: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(os.homedir(), p.slice(1)) : p;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

// The configured path, else `dockerfile-ls` on PATH; undefined when neither is there.
export function findServer(configured: string, envPath = process.env.PATH ?? ''): string | undefined {
  if (configured.trim() !== '') {
    let file = expandHome(configured.trim());
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (folder) file = file.replace(/\$\{workspaceFolder\}/g, folder);
    return isExecutable(file) ? file : undefined;
  }
  const names = process.platform === 'win32' ? ['dockerfile-ls.exe', 'dockerfile-ls.cmd'] : ['dockerfile-ls'];
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const file = path.join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  return undefined;
}

// The server's part of a `dockerfile-ls` configuration object; empty strings mean "default".
function serverSettings(all: unknown): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  if (!all || typeof all !== 'object') return settings;
  const source = all as Record<string, unknown>;
  for (const key of SERVER_KEYS) {
    const value = source[key];
    if (value === undefined || value === null || value === '') continue;
    settings[key] = value;
  }
  return settings;
}

function formattingEnabled(document: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration(SECTION, document.uri).get<boolean>('formatting.enable', true);
}

async function startClient(): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const configured = config.get<string>('server.path', '');
  const command = findServer(configured);
  if (!command) {
    const what = configured.trim() !== ''
      ? `dockerfile-ls.server.path "${configured}" is not an executable file`
      : 'dockerfile-ls was not found on PATH';
    const choice = await vscode.window.showErrorMessage(
      `${what}. Install dockerfile-ls or set dockerfile-ls.server.path.`, 'Open Settings');
    if (choice) await vscode.commands.executeCommand('workbench.action.openSettings', 'dockerfile-ls.server.path');
    return;
  }
  const args = ['--stdio', ...config.get<string[]>('server.extraArgs', [])];
  // No `transport` here: the client then talks stdio without adding flags of its own.
  const serverOptions: ServerOptions = { run: { command, args }, debug: { command, args } };

  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
    ],
    outputChannel: output,
    initializationOptions: { [SECTION]: serverSettings(config) },
    synchronize: { configurationSection: SECTION },
    middleware: {
      workspace: {
        // Answer the server's workspace/configuration requests with its own settings only.
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (!Array.isArray(result)) return result;
          return result.map((value, i) => (params.items[i]?.section === SECTION ? serverSettings(value) : value));
        },
      },
      // dockerfile-ls.formatting.enable = false: the server's formatting is not used.
      provideDocumentFormattingEdits: (document, options, token, next) =>
        formattingEnabled(document) ? next(document, options, token) : [],
      provideDocumentRangeFormattingEdits: (document, range, options, token, next) =>
        formattingEnabled(document) ? next(document, range, options, token) : [],
      provideOnTypeFormattingEdits: (document, position, ch, options, token, next) =>
        formattingEnabled(document) ? next(document, position, ch, options, token) : [],
    },
  };

  client = new LanguageClient(SECTION, 'dockerfile-ls', serverOptions, clientOptions);
  try {
    await client.start();
  } catch (error) {
    output?.appendLine(`dockerfile-ls could not be started: ${String(error)}`);
    void vscode.window.showErrorMessage(`dockerfile-ls could not be started (${command}): ${String(error)}`);
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop(5000).catch(() => undefined);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('dockerfile-ls');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('dockerfile-ls.restartServer', async () => {
      await stopClient();
      await startClient();
    }),
    vscode.commands.registerCommand('dockerfile-ls.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      // A new executable or new arguments need a new server; settings are sent by the client.
      if (event.affectsConfiguration(`${SECTION}.server`)) {
        await stopClient();
        await startClient();
      }
    }),
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
