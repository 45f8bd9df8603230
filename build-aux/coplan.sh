#!/bin/sh
# Set up, build, run and test Coplan on Debian 12.
#
#   build-aux/coplan.sh run   install missing packages, build, start Coplan
#   build-aux/coplan.sh test  install missing packages, build, run every test
#                             (GUI tests under a virtual display)
#   build-aux/coplan.sh setup install missing packages and build only
#
# Extra arguments after "run" go to Coplan (for example --db FILE).
set -eu

cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}

PACKAGES="gcc pkg-config meson ninja-build gettext \
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev \
  libsqlite3-dev libxml2-dev libxml2-utils clang libclang-rt-14-dev libcairo2-dev libpango1.0-dev \
  desktop-file-utils appstream \
  xvfb xauth dbus dbus-x11 at-spi2-core python3-pyatspi fonts-cantarell adwaita-icon-theme"

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

install_missing_packages() {
  missing=""
  for package in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
      *"install ok installed"*) ;;
      *) missing="$missing $package" ;;
    esac
  done
  if [ -n "$missing" ]; then
    echo "coplan: installing Debian packages:$missing"
    as_root apt-get update -q
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
}

build() {
  if [ ! -f "$BUILD_DIR/build.ninja" ]; then
    meson setup "$BUILD_DIR"
  fi
  ninja -C "$BUILD_DIR"
}

# meson prints its own summary; this adds the plain closing line CI reads.
summarise_tests() {
  log="$BUILD_DIR/meson-logs/testlog.json"
  [ -f "$log" ] || return 0
  passed=$(grep -c '"result": "OK"' "$log" || true)
  skipped=$(grep -c '"result": "SKIP"' "$log" || true)
  total=$(grep -c '"result":' "$log" || true)
  failed=$((total - passed - skipped))
  echo "$passed passed, $failed failed, $skipped skipped"
}

run_tests() {
  status=0
  GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1280x800x24 -noreset" \
    dbus-run-session -- meson test -C "$BUILD_DIR" --print-errorlogs "$@" || status=$?
  summarise_tests
  return $status
}

command=${1:-run}
[ $# -gt 0 ] && shift
case "$command" in
  setup) install_missing_packages; build ;;
  run)   install_missing_packages; build; exec "$BUILD_DIR/src/gui/coplan" "$@" ;;
  test)  install_missing_packages; build; run_tests "$@" ;;
  *)     echo "usage: $0 run|test|setup" >&2; exit 2 ;;
esac
