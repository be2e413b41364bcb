#!/usr/bin/env bash
# Helix test: run-helix.sh SERVER_BINARY
# Helix has no scripting or headless mode: it runs in a private tmux server, keys are sent with
# send-keys and the screen is read with capture-pane. Diagnostics only: the gutter marks the
# expected lines, and the diagnostics picker (Space d) lists each expected rule id with its
# severity. Helix comes from Debian trixie (fetch-debian.sh); Debian 12 has none.
# The configuration is editors/helix/languages.toml with the command replaced by the binary.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
editor_test_init helix "${1:-}"
command -v tmux >/dev/null || skip "no tmux on PATH (Debian package tmux)"
hx=$("$EDITORS_DIR/fetch-debian.sh" trixie hx) || exit $?
"$hx" --version

mkdir -p "$XDG_CONFIG_HOME/helix"
sed "s|^command = \"dockerfile-ls\".*|command = \"$SERVER_CMD\"|" "$SOURCE_DIR/editors/helix/languages.toml" \
  >"$XDG_CONFIG_HOME/helix/languages.toml"
grep -q "^command = \"$SERVER_CMD\"" "$XDG_CONFIG_HOME/helix/languages.toml" ||
  fail_now "editors/helix/languages.toml has no 'command = \"dockerfile-ls\"' line"
printf '[editor]\nmouse = false\nauto-info = false\n' >"$XDG_CONFIG_HOME/helix/config.toml"
"$hx" --health dockerfile 2>&1 | grep -iA1 'language server' | sed 's/\x1b\[[0-9;]*m//g; s/^/  health: /'

sock="$T/tmux.sock"
tmx() { timeout 5 tmux -S "$sock" "$@"; }
cleanup_tmux() { tmux -S "$sock" kill-server 2>/dev/null || true; }
trap 'status=$?; cleanup_tmux; (exit $status); finish_test' EXIT
cd "$T/work"
# The tmux server daemonizes into its own session; it (like Helix and the language server) has
# $T in its command line, and its process group is watched as EDITOR_PGID.
run_editor 30 tmux -S "$sock" -f /dev/null new-session -d -x 200 -y 50 \
  "env HOME=$HOME XDG_CONFIG_HOME=$XDG_CONFIG_HOME XDG_CACHE_HOME=$XDG_CACHE_HOME XDG_DATA_HOME=$XDG_DATA_HOME TERM=xterm-256color $hx $TEST_FILE" ||
  fail_now "could not start tmux"
EDITOR_PGID=$(tmx display-message -p '#{pid}' 2>/dev/null || echo "")

screen() { tmx capture-pane -p 2>/dev/null; }
expected_lines=$(python3 -c 'import json,sys; print(" ".join(str(d["line"]) for d in json.load(open(sys.argv[1]))["diagnostics"]))' "$EXPECTED_JSON")
expected_codes=$(python3 -c 'import json,sys; print(" ".join(d["code"]+":"+d["severity"] for d in json.load(open(sys.argv[1]))["diagnostics"]))' "$EXPECTED_JSON")

# 1. The gutter: a diagnostic marker in front of each expected line number (bounded wait).
marked() {
  local s=$1 line
  for line in $expected_lines; do
    grep -Eq "^[^ ]+ +$line +[^ ]" <<<"$s" || return 1
  done
}
s=
for _ in $(seq 1 100); do
  s=$(screen)
  marked "$s" && break
  sleep 0.1
done
gutter_ok=0
if marked "$s"; then gutter_ok=1; log "[PASS] gutter marks lines $expected_lines"; else
  log "[FAIL] gutter marks lines $expected_lines"; fi

# 2. The diagnostics picker lists every expected rule id with its severity.
tmx send-keys Space d
rows_ok() {
  local s=$1 pair code sev
  for pair in $expected_codes; do
    code=${pair%%:*}; sev=${pair##*:}
    [[ $sev == warning ]] && sev=WARN || sev=ERROR
    grep -Eq "$sev +$code" <<<"$s" || return 1
  done
}
picker_ok=0
for _ in $(seq 1 50); do
  s=$(screen)
  rows_ok "$s" && { picker_ok=1; break; }
  sleep 0.1
done
for pair in $expected_codes; do
  code=${pair%%:*}; sev=${pair##*:}
  [[ $sev == warning ]] && sev=WARN || sev=ERROR
  if grep -Eq "$sev +$code" <<<"$s"; then log "[PASS] picker lists $code as $sev"; else log "[FAIL] picker lists $code as $sev"; fi
done
if [[ $gutter_ok == 0 || $picker_ok == 0 ]]; then
  log "--- screen ---"; printf '%s\n' "$s" | sed 's/ *$//' | head -50; log "--------------"
fi

# 3. Quit Helix; the language server must go with it.
tmx send-keys Escape
tmx send-keys ':q!' Enter
for _ in $(seq 1 30); do
  tmx has-session 2>/dev/null || break
  sleep 0.1
done
cleanup_tmux
[[ $gutter_ok == 1 && $picker_ok == 1 ]]
