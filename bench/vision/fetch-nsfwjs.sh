#!/usr/bin/env bash
# Fetches the npm package nsfwjs@4.4.0 (MIT; ImageNet MobileNetV2 and InceptionV3 as TF.js layers models)
# with the npm client, checks the tarball's SHA-256, and unpacks it into DIR/package, where the
# conversion tests (NsfwjsConversionTest) look for it. Without this folder those tests are skipped.
#
# usage: bench/vision/fetch-nsfwjs.sh [DIR]     (default: bench/vision/.cache/nsfwjs-4.4.0)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="${1:-$here/.cache/nsfwjs-4.4.0}"
sha=585cd178f3b994337c4d10a87b080d342fc52f8b9bf0085c4d1f345a3a1c5382
mkdir -p "$dir"
cd "$dir"
if [ ! -f nsfwjs-4.4.0.tgz ]; then
  npm pack nsfwjs@4.4.0 --silent >/dev/null
fi
echo "$sha  nsfwjs-4.4.0.tgz" | sha256sum -c --quiet -
rm -rf package
tar xzf nsfwjs-4.4.0.tgz package/dist/models package/LICENSE package/package.json
echo "nsfwjs@4.4.0 unpacked in $dir/package"
