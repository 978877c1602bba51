#!/usr/bin/env bash
# Debian packages the test suite uses: Chromium (+ driver) and an Arabic-capable font for the
# browser tests, and PostgreSQL's server for `marsad sync` (the tests start a throw-away one). Installed only when missing; a machine without apt (or
# without root) skips them, and the tests that need them skip with that reason.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium chromium-driver)
fc-list 2>/dev/null | grep -qi "noto" || need+=(fonts-noto-core)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "system packages: cannot install ${need[*]} (no apt-get or not root); tests needing them will skip"
  exit 0
fi
echo "system packages: installing ${need[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1 \
  || echo "system packages: apt-get install ${need[*]} failed; tests needing them will skip"
exit 0
