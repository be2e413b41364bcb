#!/usr/bin/env bash
# dockerfile-ls build entry point.
#   ./build.sh        install missing Debian packages, build, then run the check demo
#   ./build.sh test   install missing Debian packages, build, run the whole suite (plus an
#                     AddressSanitizer/UBSan build of the unit and LSP tests)
# Works from any directory; a second run is incremental.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mode=${1:-demo}
jobs=$(nproc 2>/dev/null || echo 2)

# Package lists: what building needs, and what only the test suite needs.
build_packages=(cmake ninja-build g++ pkg-config libtree-sitter-dev nlohmann-json3-dev libasio-dev
                libcurl4-openssl-dev libyaml-cpp-dev ccache)
test_packages=(llvm-14-tools shellcheck python3 nodejs procps neovim emacs-nox elpa-eglot elpa-dockerfile-mode elpa-lsp-mode vim vim-ale tmux chromium ripgrep libkrb5-dev make)
backports_packages=(libcatch2-dev)

missing_packages() {
  local p
  for p in "$@"; do
    case "$p" in
      # Node.js counts as present when any node is on PATH (it may come from outside Debian).
      nodejs) command -v node >/dev/null && continue ;;
    esac
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

debian_codename() { . /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}"; }

run_as_root() {
  echo "+ $*" >&2
  "$@"
}

# On Debian 12 Catch2 v3 lives in bookworm-backports; newer releases ship it in main.
ensure_backports() {
  [[ "$(debian_codename)" == bookworm ]] || return 0
  if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    echo "+ enable bookworm-backports in /etc/apt/sources.list.d/bookworm-backports.sources" >&2
    cat >/etc/apt/sources.list.d/bookworm-backports.sources <<'SRC'
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm-backports
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt_updated=0
  fi
}

apt_updated=0
apt_install() {
  local suite_args=()
  if [[ "$1" == --backports ]]; then
    shift
    [[ "$(debian_codename)" == bookworm ]] && suite_args=(-t bookworm-backports)
  fi
  if [[ $apt_updated == 0 ]]; then
    run_as_root apt-get update -qq
    apt_updated=1
  fi
  run_as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${suite_args[@]}" "$@"
}

ensure_packages() {
  local regular=() backports=()
  mapfile -t regular < <(missing_packages "$@")
  mapfile -t backports < <(missing_packages "${backports_packages[@]}")
  [[ ${#regular[@]} == 0 && ${#backports[@]} == 0 ]] && return 0
  if [[ $(id -u) != 0 ]]; then
    echo "dockerfile-ls: missing Debian packages: ${regular[*]} ${backports[*]}" >&2
    echo "Install them as root with:" >&2
    [[ ${#regular[@]} -gt 0 ]] && echo "  apt-get install -y ${regular[*]}" >&2
    [[ ${#backports[@]} -gt 0 ]] &&
      echo "  apt-get install -y -t bookworm-backports ${backports[*]}   (enable bookworm-backports first)" >&2
    exit 1
  fi
  if [[ ${#backports[@]} -gt 0 ]]; then ensure_backports; fi
  [[ ${#regular[@]} -gt 0 ]] && apt_install "${regular[@]}"
  [[ ${#backports[@]} -gt 0 ]] && apt_install --backports "${backports[@]}"
  return 0
}

configure_and_build() {
  local dir=$1; shift
  local launcher=()
  # ccache keeps rebuilds of unchanged files cheap across clones on the same machine.
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  if [[ ! -f "$dir/build.ninja" || $# -gt 0 ]]; then
    cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@" >/dev/null
  fi
  cmake --build "$dir" -j "$jobs"
}

case "$mode" in
  demo)
    ensure_packages "${build_packages[@]}"
    configure_and_build "$root/build"
    example="$root/docs/examples/node-naive/Dockerfile"
    echo
    echo "== dockerfile-ls check $example"
    "$root/build/dockerfile-ls" check "$example" || true
    echo
    echo "== what --fix-dry-run would change"
    "$root/build/dockerfile-ls" check --fix-dry-run "$example" || true
    echo
    echo "Connect an editor: run '$root/build/dockerfile-ls --stdio' as the language server for Dockerfiles (see README.md, 'Editor setup')."
    ;;
  test)
    ensure_packages "${build_packages[@]}" "${test_packages[@]}"
    # The sanitizer build favours build time: no optimisation and no debug information (the
    # sanitizers' reports still name the functions).
    configure_and_build "$root/build-asan" -DDFLS_SANITIZE=ON -DDFLS_WERROR=ON \
      -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O0" -DCMAKE_C_FLAGS_DEBUG="-O0"
    echo "== unit and LSP tests under AddressSanitizer and UBSan (build-asan/)"
    # server/lsp/asio.h makes every translation unit agree on Asio's allocator (see there), so
    # AddressSanitizer runs with all its checks.
    (cd "$root/build-asan" && ctest -L 'unit|lsp' -j "$jobs" --output-on-failure)
    configure_and_build "$root/build" -DDFLS_WERROR=ON
    echo "== the whole suite (build/)"
    cd "$root/build" && ctest -j "$jobs" --output-on-failure
    ;;
  *)
    echo "usage: ./build.sh [test]" >&2
    exit 2
    ;;
esac
