#!/usr/bin/env bash
# Ships a library without its debug info, keeping that info in a separate
# file so crashes stay symbolizable:
#
#   scripts/split-debug.sh SOURCE DEST
#
# writes DEST.debug (the debug info of SOURCE, `objcopy --only-keep-debug`,
# its sections zlib-compressed: about a fifth of the size, and gdb, lldb,
# addr2line and eu-stack read them as they are)
# and DEST (SOURCE stripped of debug info and unneeded symbols, with a
# `.gnu_debuglink` naming DEST.debug, which gdb and other symbolizers look
# for next to DEST). SOURCE is left as it is. Needs objcopy (binutils).
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: $0 SOURCE DEST" >&2
    exit 2
fi
source=$1
dest=$2
objcopy --only-keep-debug --compress-debug-sections=zlib "$source" "$dest.debug"
chmod 0644 "$dest.debug"
# --add-gnu-debuglink reads the debug file by the path given and records
# its base name, so run it from DEST's directory.
dest_dir=$(cd "$(dirname "$dest")" && pwd)
source_abs=$(cd "$(dirname "$source")" && pwd)/$(basename "$source")
(cd "$dest_dir" && objcopy --strip-debug --strip-unneeded \
    --add-gnu-debuglink="$(basename "$dest").debug" "$source_abs" "$(basename "$dest").tmp" &&
    mv "$(basename "$dest").tmp" "$(basename "$dest")")
chmod 0755 "$dest"
