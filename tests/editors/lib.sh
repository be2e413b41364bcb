# Shared helpers for the editor tests (sourced by run-*.sh; bash).
#
# Every test:
#   - runs in a fresh directory $T with its own HOME, XDG_* and TMPDIR, so no user configuration,
#     plugin, swap file, history or log leaks in or out;
#   - starts the server through the symlink $T/bin/dockerfile-ls, so every server process carries
#     $T in its command line and can be found (and must be gone) at the end;
#   - runs the editor under `timeout` (its own process group) and kills that group on exit;
#   - fails when any process that belongs to the test is still alive after the editor is gone.
# Exit codes: 0 pass, 1 fail, 77 skipped (the client cannot be obtained on this machine).

set -u

EDITORS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SOURCE_DIR=$(cd "$EDITORS_DIR/../.." && pwd)
# The cache for clients fetched once (Neovim/Helix from newer Debian suites, code-server...);
# computed before HOME is replaced by the test's own.
export DFLS_EDITOR_CACHE=${DFLS_EDITOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dockerfile-ls}

T=
EDITOR_PGID=
EXTRA_PGIDS=()  # more process groups of the test (e.g. a server it started in the background)
test_failed=0

log() { printf '%s\n' "$*"; }
skip() { log "SKIP: $*"; exit 77; }
fail_now() { log "FAIL: $*"; exit 1; }

# Processes that belong to this test: anything with $T in its command line, and the editor's
# process group.
test_processes() {
  local g
  { [[ -n "$T" ]] && pgrep -f -- "$T"
    for g in $EDITOR_PGID "${EXTRA_PGIDS[@]}"; do pgrep -g "$g"; done; } 2>/dev/null |
    sort -u | grep -vx "$$" || true
}

show_processes() {
  local pid
  for pid in "$@"; do ps -o pid=,pgid=,sid=,args= -p "$pid" 2>/dev/null | cut -c1-200; done
}

# Kills whatever is left of the editor's process group; then checks that nothing that belongs
# to the test survived (server, helper shells, browser...), waiting a little for polite exits.
reap_processes() {
  local left i g
  for g in $EDITOR_PGID "${EXTRA_PGIDS[@]}"; do kill -TERM -- "-$g" 2>/dev/null; done
  for i in $(seq 1 30); do
    left=$(test_processes)
    [[ -z "$left" ]] && return 0
    sleep 0.1
  done
  log "FAIL: processes left behind:"
  # shellcheck disable=SC2086
  show_processes $left
  # shellcheck disable=SC2086
  kill -KILL $left 2>/dev/null
  for g in $EDITOR_PGID "${EXTRA_PGIDS[@]}"; do kill -KILL -- "-$g" 2>/dev/null; done
  return 1
}

finish_test() {
  local rc=$?
  trap - EXIT INT TERM
  reap_processes || { [[ $rc == 0 ]] && rc=1; }
  if [[ -n "$T" && -d "$T" ]]; then
    if [[ $rc == 0 || $rc == 77 || -n "${DFLS_EDITOR_KEEP:-}" ]]; then
      [[ -n "${DFLS_EDITOR_KEEP:-}" ]] && log "kept: $T" || rm -rf "$T"
    else
      log "artifacts kept in $T"
    fi
  fi
  exit "$rc"
}

# editor_test_init NAME SERVER_BINARY
editor_test_init() {
  local name=$1 server=${2:-}
  [[ -n "$server" && -x "$server" ]] || fail_now "server binary not found or not executable: '$server'"
  T=$(mktemp -d "${TMPDIR:-/tmp}/dfls-editor-$name.XXXXXX")
  trap finish_test EXIT
  trap 'exit 130' INT TERM
  mkdir -p "$T"/{home,config,data,cache,state,runtime,tmp,work,bin}
  chmod 700 "$T/runtime"
  export HOME="$T/home" XDG_CONFIG_HOME="$T/config" XDG_DATA_HOME="$T/data" \
         XDG_CACHE_HOME="$T/cache" XDG_STATE_HOME="$T/state" XDG_RUNTIME_DIR="$T/runtime" \
         TMPDIR="$T/tmp"
  unset VIMINIT EXINIT MYVIMRC NVIM_APPNAME EMACSLOADPATH
  ln -s "$(readlink -f "$server")" "$T/bin/dockerfile-ls"
  SERVER_CMD="$T/bin/dockerfile-ls"
  cp "$EDITORS_DIR/fixture/Dockerfile" "$T/work/Dockerfile"
  TEST_FILE="$T/work/Dockerfile"
  EXPECTED_JSON=${DFLS_EDITOR_EXPECTED:-$EDITORS_DIR/fixture/expected.json}
  export SERVER_CMD TEST_FILE EXPECTED_JSON
}

# run_editor SECONDS COMMAND...: runs COMMAND with stdin from /dev/null under `timeout`, which
# makes its own process group (killed as a whole on timeout and by reap_processes).
run_editor() {
  local secs=$1; shift
  timeout -k 5 "$secs" "$@" </dev/null &
  EDITOR_PGID=$!
  wait "$EDITOR_PGID"
}
