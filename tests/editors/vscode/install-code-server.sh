#!/usr/bin/env bash
# install-code-server.sh: code-server (VS Code in a browser, with the real Node extension host)
# and playwright-core, from the npm registry only, into
#   ${XDG_CACHE_HOME:-$HOME/.cache}/dockerfile-ls/code-server-VERSION/
# once (about a minute); later calls print the path at once. Prints the install directory.
# Exits 77 (skipped) when it cannot be done here.
#
# code-server's npm package carries the built VS Code, but its postinstall step downloads from
# GitHub (ripgrep, prebuilt native modules). So it is installed with --ignore-scripts and the
# postinstall work is done here without downloads: VS Code's own dependencies from npm, native
# modules compiled locally by node-gyp against the system Node headers, ripgrep from Debian.
# The code-server version must match the Node major of the system (4.100.x wants Node 20).
set -euo pipefail

version=${CODE_SERVER_VERSION:-4.100.3}
playwright_version=1.65.1
cache_root=${DFLS_EDITOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dockerfile-ls}
dest="$cache_root/code-server-$version"

skip() {
  echo "SKIP: $*" >&2
  exit 77
}

[[ -f "$dest/.complete" ]] && { echo "$dest"; exit 0; }

command -v node >/dev/null && command -v npm >/dev/null || skip "no node/npm on PATH"
want_node=$(npm view "code-server@$version" engines.node 2>/dev/null || true)
have_node=$(node -p 'process.versions.node.split(".")[0]')
[[ -z "$want_node" || "$want_node" == "$have_node" ]] ||
  skip "code-server $version needs Node $want_node, this is Node $have_node (set CODE_SERVER_VERSION)"
command -v rg >/dev/null || skip "no rg on PATH (Debian package ripgrep)"
for tool in make g++ python3; do
  command -v $tool >/dev/null || skip "no $tool on PATH (needed to compile code-server's native modules)"
done
node_headers=$(dirname "$(dirname "$(command -v node)")")
[[ -f "$node_headers/include/node/node.h" ]] ||
  skip "no Node headers in $node_headers/include/node (node-gyp would download them)"

mkdir -p "$cache_root"
exec 9>"$cache_root/.lock-code-server-$version"
flock -w 600 9 || skip "timed out waiting for another install of code-server"
[[ -f "$dest/.complete" ]] && { echo "$dest"; exit 0; }

echo "install-code-server.sh: installing code-server $version into $dest (once)" >&2
rm -rf "$dest"
mkdir -p "$dest"
export npm_config_nodedir="$node_headers" npm_config_fund=false npm_config_audit=false \
       npm_config_update_notifier=false
exec 3>&1 1>&2  # npm's output goes to stderr; stdout carries only the result
npm install --ignore-scripts --prefix "$dest" "code-server@$version" "playwright-core@$playwright_version" ||
  skip "npm install of code-server $version failed"
# argon2 (password login): its prebuilt download fails without GitHub and it compiles instead.
(cd "$dest" && npm rebuild argon2) || skip "could not build argon2 for code-server"
cd "$dest/node_modules/code-server/lib/vscode"
npm install --omit=dev --ignore-scripts || skip "npm install of VS Code's dependencies failed"
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
for module in @vscode/spdlog @vscode/deviceid native-watchdog node-pty kerberos; do
  [[ -d "node_modules/$module" ]] || continue
  # node-pty's last build step (compile_commands) needs a download; pty.node is built first.
  npm rebuild "$module" || echo "install-code-server.sh: rebuild of $module reported an error"
done
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts) ||
  skip "npm install of VS Code's built-in extensions failed"
exec 1>&3 3>&-
cs="$dest/node_modules/code-server/out/node/entry.js"
XDG_CONFIG_HOME="$dest/.config" node "$cs" --version >&2 || skip "the installed code-server does not start"
touch "$dest/.complete"
echo "$dest"
