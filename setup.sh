#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (run as root, or with sudo):
#   bash setup.sh ask    install what is missing, build, start an interactive session
#   bash setup.sh test   install what is missing, build, run every test
#                        (a normal build, one under ASan + UBSan, 30 s of each fuzzer)
set -euo pipefail
cd "$(dirname "$0")"

packages=(build-essential cmake g++ libboost-dev libboost-graph-dev libspdlog-dev libfmt-dev
          libcli11-dev libsimdjson-dev nlohmann-json3-dev libreadline-dev libgtest-dev
          libgmock-dev libbenchmark-dev graphviz python3 clang libclang-rt-14-dev)

install_missing() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    echo "Installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
  fi
}

jobs=$(nproc)
build() {  # build DIR [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release "$@" > /dev/null
  cmake --build "$dir" -j "$jobs"
}
# The sanitizer build uses -O1 with line tables only: the Spirit X3 parser alone
# takes 122 s at -O2 -g under ASan and 43 s at -O1 -g1, and CI has two cores.
sanitized=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1"
           -DTRIAGE_SANITIZE=ON -DTRIAGE_BENCHMARKS=OFF)

case "${1:-}" in
  ask)
    install_missing
    build build
    shift
    exec ./build/triage ask "$@"
    ;;
  test)
    install_missing
    build build
    ctest --test-dir build --output-on-failure -j "$jobs"
    build build-asan "${sanitized[@]}"
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      ctest --test-dir build-asan --output-on-failure -j "$jobs"
    bash tests/fuzz/run.sh 30
    ;;
  *)
    echo "usage: bash setup.sh ask|test" >&2
    exit 2
    ;;
esac
