#!/usr/bin/env bash
# Emacs test: run-emacs.sh VARIANT SERVER_BINARY, with Debian's emacs (28 on bookworm) in batch
# mode and editors/emacs/dockerfile-ls.el.
#   VARIANT eglot:    Eglot (elpa-eglot) + dockerfile-mode (elpa-dockerfile-mode): diagnostics,
#                     completion, hover and a quick-fix (emacs_test.el); also byte-compiles the file
#   VARIANT lsp-mode: lsp-mode (elpa-lsp-mode) with the client definition: diagnostics and a rule
#                     setting passed to the server (emacs_lsp_mode_test.el)
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
variant=${1:-eglot}
editor_test_init "emacs-$variant" "${2:-}"
emacs=$(command -v emacs) || skip "no emacs on PATH (Debian package emacs-nox)"
elpa=/usr/share/emacs/site-lisp/elpa
ls -d "$elpa"/dockerfile-mode-* >/dev/null 2>&1 || skip "dockerfile-mode is not installed (Debian package elpa-dockerfile-mode)"
"$emacs" --version | head -1
export DFLS_EL="$SOURCE_DIR/editors/emacs/dockerfile-ls.el"
cd "$T/work"

case "$variant" in
  eglot)
    # Emacs 29+ has Eglot built in; Emacs 28 needs the package.
    "$emacs" --batch -Q --eval '(kill-emacs (if (or (locate-library "eglot") (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/eglot-*")) 0 1))' \
      </dev/null >/dev/null 2>&1 || skip "Eglot is not available (Debian package elpa-eglot)"
    # The shipped file must byte-compile cleanly (warnings included) without Eglot or lsp-mode.
    cp "$DFLS_EL" "$T/work/"
    if ! "$emacs" --batch -Q --eval '(setq byte-compile-error-on-warn t)' \
          -f batch-byte-compile "$T/work/dockerfile-ls.el" </dev/null >"$T/compile.log" 2>&1; then
      cat "$T/compile.log"
      fail_now "editors/emacs/dockerfile-ls.el does not byte-compile cleanly"
    fi
    rm -f "$T/work/dockerfile-ls.el" "$T/work/dockerfile-ls.elc"
    log "[PASS] dockerfile-ls.el byte-compiles without warnings"
    script=emacs_test.el ;;
  lsp-mode)
    ls -d "$elpa"/lsp-mode-* >/dev/null 2>&1 || skip "lsp-mode is not installed (Debian package elpa-lsp-mode)"
    script=emacs_lsp_mode_test.el ;;
  *) fail_now "unknown variant $variant" ;;
esac

run_editor 30 "$emacs" --batch -Q -l "$EDITORS_DIR/$script"
rc=$?
[[ $rc == 124 ]] && log "FAIL: emacs did not finish in time (watchdog or outer timeout)"
exit $rc
