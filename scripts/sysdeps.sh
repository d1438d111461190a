#!/usr/bin/env bash
# Install the Debian packages the test suite needs, when they are missing.
# Runs as root on CI and developer machines (apt-get works as is there).
set -euo pipefail
need=()
command -v rapper >/dev/null 2>&1 || need+=(raptor2-utils)    # Raptor: an independent strict RDF parser
[ -x /usr/bin/chromium ] || need+=(chromium)                     # the browser the HTML view is tested in
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "sysdeps: missing ${need[*]}; install them with apt-get (needs root); tests that need them are skipped" >&2
  exit 0
fi
echo "sysdeps: installing ${need[*]}" >&2
apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
