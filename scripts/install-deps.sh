#!/bin/sh
# Installs the Debian 12 packages dossier needs to build, run and test, when missing.
# Run as root (or with sudo). Safe to run again: installs only what is absent.
set -eu

PACKAGES="build-essential cmake pkg-config
libglib2.0-dev libcairo2-dev libpango1.0-dev libfontconfig-dev libharfbuzz-dev
libxml2-dev libxml2-utils libhyphen-dev hyphen-de libjson-glib-dev libsoup-3.0-dev chromium
fonts-noto-core fonts-noto-cjk
qpdf poppler-utils mupdf-tools imagemagick ninja-build parallel curl wngerman python3
clang libclang-rt-14-dev"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    echo "install-deps: all packages present"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
fi
echo "install-deps: installing$missing"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
