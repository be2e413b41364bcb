#!/usr/bin/env bash
# Vim + ALE test: run-vim.sh SERVER_BINARY
# Debian's vim with the vim-ale package, using editors/vim/ale_linters/dockerfile/dockerfile_ls.vim.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
editor_test_init vim-ale "${1:-}"
vim=$(command -v vim.basic || command -v vim) || skip "no vim on PATH (Debian package vim)"
ale=
for d in /usr/share/vim/vimfiles/pack/*/opt/ale /usr/share/vim/vimfiles/pack/*/start/ale; do
  [[ -d $d ]] && ale=$d
done
[[ -n $ale ]] || skip "ALE is not installed (Debian package vim-ale)"
"$vim" --version | head -1

export VIM_CONFIG="$SOURCE_DIR/editors/vim" RESULT_LOG="$T/result.log"
: >"$RESULT_LOG"
cd "$T/work"
run_editor 30 "$vim" -N -u NONE -i NONE -n -es -S "$EDITORS_DIR/vim_ale_test.vim"
rc=$?
cat "$RESULT_LOG"
[[ $rc == 124 ]] && log "FAIL: vim did not finish in time (watchdog or outer timeout)"
exit $rc
