#!/usr/bin/env bash
# Installs temporal-capi for C and C++ programs:
#
#   scripts/install.sh PREFIX
#
# builds the release library (`cargo build --release --lib`, a no-op when it
# is up to date) and installs
#
#   PREFIX/lib/libtemporal_capi.so.VERSION (stripped, SONAME
#   libtemporal_capi.so.ABI where ABI is TC_ABI_VERSION), the links
#   libtemporal_capi.so.ABI -> libtemporal_capi.so.VERSION and
#   libtemporal_capi.so -> libtemporal_capi.so.ABI, and its debug info in
#   PREFIX/lib/.debug/libtemporal_capi.so.VERSION.debug (named by its
#   .gnu_debuglink; gdb looks in .debug/ next to a library), see
#   scripts/split-debug.sh,
#   PREFIX/lib/libtemporal_capi.a (without debug info and without the LLVM
#   bitcode rustc embeds for cross-crate LTO: 70 MB instead of 500 MB;
#   programs that want symbolized Rust frames link the shared library)
#   PREFIX/include/temporal_capi.h, PREFIX/include/temporal_capi.hpp,
#   PREFIX/include/temporal_capi.schema.json (the JSON contract),
#   PREFIX/include/temporal_capi.operations.json (the operation manifest)
#   PREFIX/lib/pkgconfig/temporal_capi.pc
#   PREFIX/lib/cmake/temporal_capi/temporal_capiConfig.cmake (+ ConfigVersion)
#
# from the templates in packaging/, with the version of Cargo.toml.
# Environment: CARGO (the cargo to run, default `cargo`), CARGO_TARGET_DIR
# (where cargo builds, default ./target). See docs/c-and-cpp.md.
set -euo pipefail

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 PREFIX" >&2
    exit 2
fi
root=$(cd "$(dirname "$0")/.." && pwd)
cargo=${CARGO:-cargo}

"$cargo" build --release --lib --manifest-path "$root/Cargo.toml"
target=${CARGO_TARGET_DIR:-$root/target}
case "$target" in /*) ;; *) target="$PWD/$target" ;; esac

# `cargo pkgid` prints e.g. path+file:///src#temporal-capi@0.1.0 (or .../src#0.1.0).
version=$("$cargo" pkgid --manifest-path "$root/Cargo.toml")
version=${version##*[#@]}
major=${version%%.*}
minor=${version#*.}
minor=${minor%%.*}
if ! grep -q "^#define TC_VERSION \"$version\"$" "$root/include/temporal_capi.h"; then
    echo "include/temporal_capi.h is not the header of version $version; rebuild it" >&2
    exit 1
fi
abi=$(sed -n 's/^#define TC_ABI_VERSION \([0-9][0-9]*\)$/\1/p' "$root/include/temporal_capi.h")
library=libtemporal_capi.so.$version

mkdir -p "$1"
prefix=$(cd "$1" && pwd)
install -d "$prefix/include" "$prefix/lib/.debug" "$prefix/lib/pkgconfig" "$prefix/lib/cmake/temporal_capi"
"$root/scripts/split-debug.sh" "$target/release/libtemporal_capi.so" "$prefix/lib/$library"
mv -f "$prefix/lib/$library.debug" "$prefix/lib/.debug/$library.debug"
ln -sfn "$library" "$prefix/lib/libtemporal_capi.so.$abi"
ln -sfn "libtemporal_capi.so.$abi" "$prefix/lib/libtemporal_capi.so"
install -m 0644 "$target/release/libtemporal_capi.a" "$prefix/lib/"
objcopy --strip-debug --remove-section=.llvmbc --remove-section=.llvmcmd "$prefix/lib/libtemporal_capi.a"
install -m 0644 "$root/include/temporal_capi.h" "$root/include/temporal_capi.hpp" \
    "$root/include/temporal_capi.schema.json" "$root/include/temporal_capi.operations.json" "$prefix/include/"

# Writes template $1 to $2 with @PREFIX@, @VERSION@, @VERSION_MAJOR@,
# @VERSION_MINOR@ and @ABI_VERSION@ filled in.
fill() {
    local escaped
    escaped=$(printf '%s' "$prefix" | sed 's/[\\|&]/\\&/g')
    sed -e "s|@PREFIX@|$escaped|g" -e "s|@VERSION@|$version|g" \
        -e "s|@VERSION_MAJOR@|$major|g" -e "s|@VERSION_MINOR@|$minor|g" -e "s|@ABI_VERSION@|$abi|g" "$1" >"$2"
    chmod 0644 "$2"
}
fill "$root/packaging/temporal_capi.pc.in" "$prefix/lib/pkgconfig/temporal_capi.pc"
fill "$root/packaging/temporal_capiConfig.cmake.in" "$prefix/lib/cmake/temporal_capi/temporal_capiConfig.cmake"
fill "$root/packaging/temporal_capiConfigVersion.cmake.in" \
    "$prefix/lib/cmake/temporal_capi/temporal_capiConfigVersion.cmake"

echo "installed temporal-capi $version into $prefix"
