#!/usr/bin/env bash
# Install the Debian packages the test suite needs, when they are missing (`make sysdeps`,
# run by `make test`): raptor2-utils (rapper, an independent strict RDF parser) and
# chromium (the browser the HTML view is tested in). apt-get needs root; where it cannot
# run, say so in one line and fail, rather than let the tests that need them skip.
set -euo pipefail
need=()
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "sysdeps: missing Debian packages ${need[*]} and no apt-get here; install their equivalents (rapper from Raptor 2, Chromium at /usr/bin/chromium) and run make test again" >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "sysdeps: missing Debian packages ${need[*]}; install them as root (sudo apt-get install ${need[*]}) and run make test again" >&2
  exit 1
fi
echo "sysdeps: installing Debian packages ${need[*]} with apt-get (as root)" >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
