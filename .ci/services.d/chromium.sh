# shellcheck shell=bash
# Makes sure Debian's chromium (and the Liberation fonts pages are drawn with) is installed for the trust portal's
# browser tests (tests/CoProduction.Samples.TrustPortal.Tests), which drive /usr/bin/chromium with Playwright.
# Playwright's own browser download ("playwright install") is never used: it fetches from a host CI cannot reach.
#
# Sourced by .ci/run before the tests; a developer can source it too: `source .ci/services.d/chromium.sh` (as root,
# or as a user allowed to sudo). Quick when chromium is already there.

coproduction_chromium_install() {
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "liberation"; then
    echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
    return 0
  fi

  echo "chromium: installing Debian's chromium and fonts-liberation"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null || return 1
  echo "chromium: $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
}

coproduction_chromium_install
