#!/bin/sh
# SPDX-License-Identifier: MIT
# One command from a fresh clone to a result, on Debian 12:
#   sh build.sh render   installs what is missing, builds, renders the
#                        default annual-meeting report to ./annual-meeting.pdf
#   sh build.sh test     installs what is missing, builds, runs `make check`,
#                        then `make check-sanitize`: the same suite again,
#                        built with ASan and UBSan (gcc's, which come with
#                        build-essential), leaks in our code failing it,
#                        and the reading threads' tests under TSan
# The build goes to ./build (out of tree).  Packages are installed with
# apt-get, as root or through sudo, only when they are missing.
set -eu

top=$(cd "$(dirname "$0")" && pwd)
what=${1:-render}

# Debian packages: the build, the core libraries, fonts, and the test tools.
packages="build-essential autoconf automake libtool pkg-config \
libcairo2-dev libpango1.0-dev libconfig-dev libltdl-dev libxml2-dev libsqlite3-dev \
fonts-noto-core fonts-noto-cjk fonts-dejavu-core poppler-utils qpdf sqlite3 valgrind groff-base time"

missing=""
for p in $packages; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "build.sh: installing Debian packages:$missing"
    if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
fi

cd "$top"
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
    autoreconf -fi
fi
mkdir -p build
cd build
if [ ! -f Makefile ]; then
    ../configure --enable-werror
fi
jobs=$(nproc 2>/dev/null || echo 2)
make -j"$jobs"

case "$what" in
render)
    cd "$top"
    ./build/ssc-report render -o annual-meeting.pdf
    ;;
test|check)
    make -j"$jobs" check
    make check-sanitize SANITIZE_JOBS="$jobs"
    ;;
*)
    echo "usage: sh build.sh [render|test]" >&2
    exit 2
    ;;
esac
