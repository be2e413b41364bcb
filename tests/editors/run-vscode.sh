#!/usr/bin/env bash
# VS Code test: run-vscode.sh SERVER_BINARY
# 1. builds the extension package from editors/vscode (npm ci once, tsc, esbuild, vsce) and a
#    small driver extension (vscode/driver) that checks the extension from inside VS Code;
# 2. installs both into code-server (VS Code's workbench and real Node extension host, from npm;
#    installed once into the cache by vscode/install-code-server.sh) with a fresh user-data and
#    extensions directory; the server is found through the dockerfile-ls.server.path setting;
# 3. opens the workbench in Debian's Chromium through playwright-core (vscode/browse.mjs), which
#    waits for the driver's report and then checks squiggles, the hover widget, the suggest
#    widget and a quick-fix chosen from the light-bulb menu.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
editor_test_init vscode "${1:-}"
chromium=${CHROMIUM:-/usr/lib/chromium/chromium}
[[ -x $chromium ]] || skip "no Chromium at $chromium (Debian package chromium)"
command -v node >/dev/null && command -v npm >/dev/null || skip "no node/npm on PATH"
command -v flock >/dev/null || skip "no flock on PATH"

# code-server and playwright-core (cached; about a minute the first time).
mkdir -p "$DFLS_EDITOR_CACHE"
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false \
       npm_config_cache="$DFLS_EDITOR_CACHE/npm"
cs_dir=$("$EDITORS_DIR/vscode/install-code-server.sh") || exit $?
cs_entry="$cs_dir/node_modules/code-server/out/node/entry.js"
export PLAYWRIGHT_CORE="$cs_dir/node_modules/playwright-core" CHROMIUM="$chromium"

# The extension package, built from the source tree (node_modules is reused while
# package-lock.json is unchanged).
ext_dir="$SOURCE_DIR/editors/vscode"
build_log="$T/build.log"
(
  flock -w 300 9 || exit 1
  cd "$ext_dir" || exit 1
  if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
    timeout 300 npm ci --prefer-offline || exit 10
  fi
  timeout 300 node_modules/.bin/vsce package --no-dependencies --skip-license -o "$T/dockerfile-ls.vsix" || exit 1
  cd "$EDITORS_DIR/vscode/driver" &&
    timeout 120 "$ext_dir/node_modules/.bin/vsce" package --no-dependencies --skip-license --allow-missing-repository \
      -o "$T/driver.vsix"
) 9>"$DFLS_EDITOR_CACHE/.lock-vscode-build" </dev/null >"$build_log" 2>&1 || {
  status=$?
  cat "$build_log"
  [[ $status == 10 ]] && skip "npm ci in editors/vscode failed (no npm registry?): cannot build the extension"
  fail_now "could not build the extension package (editors/vscode)"
}
log "[PASS] extension packaged: dockerfile-ls.vsix, $(stat -c %s "$T/dockerfile-ls.vsix") bytes, after ${SECONDS} s"

# A fresh VS Code profile: user settings point the extension at the server under test.
mkdir -p "$T/ud/User" "$T/ext"
cat >"$T/ud/User/settings.json" <<EOF
{
  "dockerfile-ls.server.path": "$SERVER_CMD",
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "git.enabled": false,
  "security.workspace.trust.enabled": false,
  "editor.hover.delay": 100,
  "editor.lightbulb.enabled": "on"
}
EOF
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' >"$T/code-server.yaml"
cs=(node "$cs_entry" --config "$T/code-server.yaml" --user-data-dir "$T/ud" --extensions-dir "$T/ext")
timeout -k 5 120 "${cs[@]}" --install-extension "$T/dockerfile-ls.vsix" --install-extension "$T/driver.vsix" \
  </dev/null >"$T/install.log" 2>&1 || { cat "$T/install.log"; fail_now "code-server could not install the extensions"; }

# code-server in its own process group (killed as a whole at the end); the extension host
# inherits DFLS_VSCODE_TEST_DIR, TEST_FILE and EXPECTED_JSON, which switch the driver on.
export DFLS_VSCODE_TEST_DIR="$T"
timeout -k 5 150 "${cs[@]}" --disable-telemetry --disable-update-check --disable-workspace-trust "$T/work" </dev/null >"$T/code-server.log" 2>&1 &
EXTRA_PGIDS+=("$!")
url=
for _ in $(seq 1 300); do
  url=$(grep -o 'HTTP server listening on http://127\.0\.0\.1:[0-9]*' "$T/code-server.log" | head -1 | awk '{print $NF}')
  [[ -n $url ]] && break
  sleep 0.1
done
[[ -n $url ]] || { cat "$T/code-server.log"; fail_now "code-server did not start listening"; }
log "code-server $(sed -n 's/^ *"version": "\(.*\)",$/\1/p' "$cs_dir/node_modules/code-server/package.json" | head -1) listening at $url after ${SECONDS} s"

run_editor 150 node "$EDITORS_DIR/vscode/browse.mjs" "$url/?folder=$T/work" "$T"
rc=$?
if [[ $rc != 0 ]]; then
  log "--- code-server.log (tail) ---"
  tail -n 30 "$T/code-server.log"
  find "$T/ud/logs" -name '*dockerfile-ls*' -exec sh -c 'echo "--- $1"; tail -n 30 "$1"' sh {} \; 2>/dev/null
fi
exit $rc
