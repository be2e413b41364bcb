#!/usr/bin/env bash
# Emacs + Eglot test: run-emacs.sh SERVER_BINARY
# Debian's emacs (28 on bookworm) in batch mode, with the elpa-eglot and elpa-dockerfile-mode
# packages, using editors/emacs/dockerfile-ls.el.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
editor_test_init emacs "${1:-}"
emacs=$(command -v emacs) || skip "no emacs on PATH (Debian package emacs-nox)"
[[ -d /usr/share/emacs/site-lisp/elpa/dockerfile-mode-1.7 || -n "$(ls -d /usr/share/emacs/site-lisp/elpa/dockerfile-mode* 2>/dev/null)" ]] ||
  skip "dockerfile-mode is not installed (Debian package elpa-dockerfile-mode)"
"$emacs" --version | head -1

# The shipped file must byte-compile cleanly (warnings included) without Eglot or lsp-mode.
cp "$SOURCE_DIR/editors/emacs/dockerfile-ls.el" "$T/work/"
if ! "$emacs" --batch -Q --eval '(setq byte-compile-error-on-warn t)' \
      -f batch-byte-compile "$T/work/dockerfile-ls.el" </dev/null >"$T/compile.log" 2>&1; then
  cat "$T/compile.log"
  fail_now "editors/emacs/dockerfile-ls.el does not byte-compile cleanly"
fi
log "[PASS] dockerfile-ls.el byte-compiles without warnings"

export DFLS_EL="$SOURCE_DIR/editors/emacs/dockerfile-ls.el"
cd "$T/work"
run_editor 30 "$emacs" --batch -Q -l "$EDITORS_DIR/emacs_test.el"
rc=$?
[[ $rc == 124 ]] && log "FAIL: emacs timed out"
exit $rc
