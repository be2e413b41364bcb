#!/usr/bin/env bash
# fetch-debian.sh SUITE PACKAGE
# Makes a client that Debian 12 does not have (Neovim 0.11+ from sid, Helix from trixie)
# runnable without installing it: the package, its direct dependencies and the suite's C library
# are downloaded with `apt-get download` through a private apt configuration (own sources list,
# lists and cache; nothing on the system changes), unpacked with `dpkg -x`, and started through
# the suite's own dynamic loader. Done once per SUITE/PACKAGE into
#   ${XDG_CACHE_HOME:-$HOME/.cache}/dockerfile-ls/debian-SUITE-PACKAGE/
# Prints the path of a wrapper script that runs the client. Exits 77 (skipped) when the client
# cannot be had (no network to deb.debian.org, no apt-get/dpkg, not x86_64).
#   PACKAGE neovim: the wrapper runs nvim (with VIMRUNTIME set)
#   PACKAGE hx:     the wrapper runs Helix (with HELIX_RUNTIME set)
set -euo pipefail

suite=${1:?usage: fetch-debian.sh SUITE PACKAGE}
package=${2:?usage: fetch-debian.sh SUITE PACKAGE}
cache_root=${DFLS_EDITOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/dockerfile-ls}
dest="$cache_root/debian-$suite-$package"
wrapper="$dest/run"

skip() {
  echo "SKIP: $*" >&2
  exit 77
}

[[ -x "$wrapper" ]] && { echo "$wrapper"; exit 0; }

[[ "$(uname -m)" == x86_64 ]] || skip "$package from Debian $suite is only fetched on x86_64"
command -v apt-get >/dev/null && command -v dpkg >/dev/null || skip "no apt-get/dpkg to fetch $package"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[[ -r $keyring ]] || skip "no Debian archive keyring ($keyring)"

case "$package" in
  neovim) binary=usr/bin/nvim; runtime_var="VIMRUNTIME=\$root/usr/share/nvim/runtime" ;;
  hx) binary=usr/lib/hx/hx; runtime_var="HELIX_RUNTIME=\$root/usr/lib/hx/runtime" ;;
  *) echo "fetch-debian.sh: unknown package $package" >&2; exit 2 ;;
esac

mkdir -p "$cache_root"
exec 9>"$cache_root/.lock-debian-$suite-$package"
flock -w 300 9 || skip "timed out waiting for another fetch of $package"
[[ -x "$wrapper" ]] && { echo "$wrapper"; exit 0; }

echo "fetch-debian.sh: fetching $package from Debian $suite into $dest (once)" >&2
work=$(mktemp -d "$cache_root/fetch-$suite-$package.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/archives/partial" "$work/debs" "$work/root"
echo "deb [signed-by=$keyring] http://deb.debian.org/debian $suite main" >"$work/sources.list"
apt=(-q -o "Dir::Etc::SourceList=$work/sources.list" -o "Dir::Etc::SourceParts=-"
     -o "Dir::State::Lists=$work/lists" -o "Dir::Cache::Archives=$work/archives"
     -o "Dir::Cache::pkgcache=" -o "Dir::Cache::srcpkgcache=" -o "Debug::NoLocking=true"
     -o "APT::Sandbox::User=$(id -un)")
timeout 300 apt-get "${apt[@]}" update >&2 || skip "could not read Debian $suite's package lists"
# The package's direct dependencies (alternatives and virtual names resolved by apt-cache),
# plus the C library and libgcc of the suite: its binaries need that newer glibc.
mapfile -t deps < <(apt-cache "${apt[@]}" depends --no-recommends --no-suggests --no-enhances \
                      --no-breaks --no-replaces --no-conflicts "$package" |
                    awk '$1 ~ /Depends:/ { gsub(/[<>]/, "", $2); print $2 }' | sort -u)
(cd "$work/debs" && timeout 300 apt-get "${apt[@]}" download "$package" "${deps[@]}" libc6 libgcc-s1 >&2) ||
  skip "could not download $package and its dependencies from Debian $suite"
for deb in "$work/debs"/*.deb; do
  dpkg -x "$deb" "$work/root"
done
cat >"$work/root/run" <<EOF
#!/bin/sh
# $package from Debian $suite, started through that suite's dynamic loader and libraries.
root="$dest/root"
lib="\$root/usr/lib/x86_64-linux-gnu"
export $runtime_var
exec "\$lib/ld-linux-x86-64.so.2" --library-path "\$lib" "\$root/$binary" "\$@"
EOF
chmod +x "$work/root/run"
rm -rf "$dest"
mkdir -p "$dest"
mv "$work/root" "$dest/root"
ln -s root/run "$wrapper.tmp" && mv "$wrapper.tmp" "$wrapper"
"$wrapper" --version >/dev/null 2>&1 || { rm -rf "$dest"; skip "$package from Debian $suite does not run here"; }
echo "fetch-debian.sh: $("$wrapper" --version | head -1)" >&2
echo "$wrapper"
