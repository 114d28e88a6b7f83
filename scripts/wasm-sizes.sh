#!/usr/bin/env bash
# Where the first view's wasm goes (not part of the benchmark's report): the module built as
# Trunk builds it (release, without the `full` feature), bound and optimised with index.html's
# wasm-opt parameters but keeping its function names, then its code summed by crate, or by
# function (monomorphized copies together).
#   bash scripts/wasm-sizes.sh [crate|fn] [rows]
. "$(dirname "$0")/env.sh"
cargo build --quiet --release --no-default-features --target wasm32-unknown-unknown --bin cankao
out="$CARGO_TARGET_DIR/wasm-sizes"
rm -rf "$out"
wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$out" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/cankao.wasm"
# The names section goes with --strip-debug: keep everything else as shipped.
params="$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html | sed 's/--strip-debug//')"
# shellcheck disable=SC2086  # the parameters are separate words
wasm-opt -Oz -g $params -o "$out/named.wasm" "$out/cankao_bg.wasm"
node tests/bench/wasm-sizes.mjs "$out/named.wasm" "${1:-crate}" "${2:-40}"
