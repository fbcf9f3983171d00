#!/usr/bin/env bash
# Refreshes the vendored NHS.UK frontend (npm package nhsuk-frontend) under wwwroot/lib/nhsuk-frontend:
# its built, minified CSS and JS and its images. Usage: ./update-nhsuk-frontend.sh [version]   (default: the pinned one)
#
# Two changes are made to the CSS, both so that the portal works on an intranet without reaching the internet:
# - image URLs point at the vendored copies (the package writes them as /assets/images/...);
# - the @font-face rules for Frutiger, which load from assets.nhs.uk (a font licensed to NHS services), are removed,
#   so pages use the frontend's fallback font (Arial) instead of waiting for a host they may not reach.
# The npm tarball carries no licence file; LICENCE beside the files holds the project's MIT licence and is kept.
set -euo pipefail
version="${1:-10.6.1}"
here="$(cd "$(dirname "$0")" && pwd)"
target="$here/wwwroot/lib/nhsuk-frontend"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "nhsuk-frontend@$version" >/dev/null && tar xzf "nhsuk-frontend-$version.tgz")
dist="$work/package/dist/nhsuk"
mkdir -p "$target/assets/images"
sed -e 's#url(/assets/images/#url(/lib/nhsuk-frontend/assets/images/#g' \
    -e 's#@font-face{[^}]*assets\.nhs\.uk[^}]*}##g' \
    -e 's#/\*\# sourceMappingURL=[^*]*\*/##' \
    "$dist/nhsuk-frontend.min.css" > "$target/nhsuk-frontend.min.css"
sed -e 's#//\# sourceMappingURL=.*$##' "$dist/nhsuk-frontend.min.js" > "$target/nhsuk-frontend.min.js"
cp "$dist"/assets/images/*.svg "$dist"/assets/images/favicon.ico "$target/assets/images/"
echo "$version" > "$target/VERSION"
echo "nhsuk-frontend $version copied to $target"
