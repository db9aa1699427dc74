#!/bin/sh
# Installs what dossier needs (Debian 12), builds it, installs it into
# $DOSSIER_PREFIX (default /usr/local: bin/dossier, libexec/dossier/
# dossier-serve, share/dossier/, the man page) and renders the bundled
# example into input/nanjing-day-2026.pdf with the installed binary. Run
# from anywhere, as root or with sudo available (sudo is used only where
# the prefix is not writable).
set -eu
cd "$(dirname "$0")/.."
prefix=${DOSSIER_PREFIX:-/usr/local}
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX="$prefix" ${DOSSIER_CMAKE_ARGS:-}
cmake --build build -j "$(nproc)"

# the first folder of the prefix that exists decides whether sudo is needed
existing=$prefix
while [ ! -d "$existing" ]; do existing=$(dirname "$existing"); done
SUDO=""
if [ ! -w "$existing" ] || { [ -d "$prefix/bin" ] && [ ! -w "$prefix/bin" ]; }; then
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
fi
$SUDO cmake --install build --prefix "$prefix"

"$prefix/bin/dossier" input/nanjing-day-2026.xml
echo "setup: installed $prefix/bin/dossier; wrote input/nanjing-day-2026.pdf"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "setup: $prefix/bin is not on PATH; add it: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
