#!/bin/sh
# Rewrites tests/layout/*.expected from the current build (review the diff
# before committing): sh tests/layout/regen.sh [BUILD_DIR]
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build}
G_TEST_SRCDIR=$src DOSSIER_REGEN=1 "$build/tests/test-layout-goldens"
