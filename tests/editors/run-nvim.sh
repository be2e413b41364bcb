#!/usr/bin/env bash
# Neovim test: run-nvim.sh VARIANT SERVER_BINARY
#   VARIANT system: Debian's own nvim (0.7.2 on bookworm) with the nvim-lspconfig-style
#                   config editors/nvim/lua/lspconfig/configs/dockerfile_ls.lua
#   VARIANT sid:    Neovim from Debian sid (0.11+), unpacked into the cache by fetch-debian.sh,
#                   with editors/nvim/lsp/dockerfile_ls.lua through vim.lsp.enable
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
variant=${1:-system}
editor_test_init "nvim-$variant" "${2:-}"

case "$variant" in
  system)
    nvim=$(command -v nvim) || skip "no nvim on PATH (Debian package neovim)"
    mode=legacy ;;
  sid|trixie)
    nvim=$("$EDITORS_DIR/fetch-debian.sh" "$variant" neovim) || exit $?
    mode=enable ;;
  *) fail_now "unknown variant $variant" ;;
esac
"$nvim" --version | head -1
if [[ $mode == enable ]] && ! "$nvim" --headless -u NONE -i NONE -n \
     -c 'lua if vim.lsp.enable then vim.cmd("qall!") else vim.cmd("cquit 1") end' </dev/null >/dev/null 2>&1; then
  skip "$("$nvim" --version | head -1) has no vim.lsp.enable (Neovim 0.11+ needed for lsp/dockerfile_ls.lua)"
fi

export NVIM_CONFIG="$SOURCE_DIR/editors/nvim" NVIM_MODE=$mode
cd "$T/work"
# -u NONE: no user configuration; -i NONE: no shada; -n: no swap file. `cquit 3` runs only when
# the script fell through without exiting.
run_editor 30 "$nvim" --headless -u NONE -i NONE -n \
  -c "luafile $EDITORS_DIR/nvim_test.lua" -c 'cquit 3'
rc=$?
[[ $rc == 124 ]] && log "FAIL: nvim did not finish in time (watchdog or outer timeout)"
exit $rc
