#!/usr/bin/env bash
# Trunk's post_build hook: completes dist/ from the corpus (native tool) and public/.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk build}"
cp -R public/. "$TRUNK_STAGING_DIR/"
# Trunk built the first view's module (no `full` feature, see index.html). The full module
# (every view) goes beside it, built, bound and optimised the same way, named by its content.
profile="${TRUNK_PROFILE:-release}"
cargo build --quiet --target wasm32-unknown-unknown --bin cankao $([ "$profile" = release ] && echo --release)
bound="$(mktemp -d)"
trap 'rm -rf "$bound"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$bound" --out-name cankao-full \
  "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/$profile/cankao.wasm"
if [ "$profile" = release ]; then
  # shellcheck disable=SC2046  # the parameters are separate words
  wasm-opt -Oz $(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html) \
    -o "$bound/cankao-full_bg.wasm" "$bound/cankao-full_bg.wasm"
fi
hash="$(sha256sum "$bound/cankao-full_bg.wasm" | cut -c1-16)"
cp "$bound/cankao-full.js" "$TRUNK_STAGING_DIR/cankao-full-$hash.js"
cp "$bound/cankao-full_bg.wasm" "$TRUNK_STAGING_DIR/cankao-full-${hash}_bg.wasm"
# Trunk's page before the tool fills it: tests re-run the tool on a copy of dist/ with it.
mkdir -p target
cp "$TRUNK_STAGING_DIR/index.html" target/index.template.html
# CANKAO_SCALE=N (benchmarks): ship the corpus as if it had N times as many issues.
cargo run --quiet --bin cankao-tool -- site data/corpus "$TRUNK_STAGING_DIR" --scale "${CANKAO_SCALE:-1}"
