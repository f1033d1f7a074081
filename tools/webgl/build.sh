#!/bin/sh
# Rebuild the WebGL renderer that large views use: sigma.js and graphology, from the npm packages
# pinned in package.json (and package-lock.json), bundled and minified into one file with esbuild.
#
#     sh tools/webgl/build.sh
#
# writes src/ecograph/views/assets/sigma-graphology.min.js and LICENSES-webgl.txt (the licences of
# everything inside the bundle). Installing or testing ecograph never runs this: the built file is
# committed. Needs node and npm.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
assets="$here/../../src/ecograph/views/assets"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/package.json" "$here/entry.js" "$work/"
[ -f "$here/package-lock.json" ] && cp "$here/package-lock.json" "$work/"
cd "$work"
if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
# esbuild's binary comes from its platform package (@esbuild/<os>-<cpu>); no install script is needed
./node_modules/.bin/esbuild entry.js --bundle --minify --format=iife --target=es2017 --legal-comments=none \
  --define:process.env.NODE_ENV='"production"' --outfile=bundle.js
versions=$(node -e 'for (const p of ["sigma", "graphology", "graphology-utils", "events"]) { const j = require("./node_modules/" + p + "/package.json"); process.stdout.write(p + "@" + j.version + " "); }')
{
  printf '/* sigma.js and graphology for ecograph views: %s(MIT; see LICENSES-webgl.txt). Built by tools/webgl/build.sh. */\n' "$versions"
  cat bundle.js
} > "$assets/sigma-graphology.min.js"
{
  echo "The WebGL renderer of ecograph's views (sigma-graphology.min.js) bundles these packages."
  for p in sigma graphology graphology-utils events; do
    version=$(node -e "process.stdout.write(require('./node_modules/$p/package.json').version)")
    echo
    echo "==== $p $version ===="
    licence=$(ls node_modules/$p | grep -i -E '^licen[cs]e' | head -n 1)
    cat "node_modules/$p/$licence"
  done
} > "$assets/LICENSES-webgl.txt"
[ -f "$here/package-lock.json" ] || cp package-lock.json "$here/"
# the page inlines the bundle in a <script> element
if grep -qi '</script' "$assets/sigma-graphology.min.js"; then echo "warning: the bundle holds '</script' (the page escapes it)"; fi
wc -c "$assets/sigma-graphology.min.js"
