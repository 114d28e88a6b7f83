#!/usr/bin/env bash
# README command 2: set up what is missing, then run every test. Exits non-zero on any failure.
. "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" --test

step() { log "── $*"; }

step "format and lints (native and wasm32)"
cargo fmt --all -- --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --bin cankao -- -D warnings
# The first view's module: the app without the `full` feature.
cargo clippy --quiet --target wasm32-unknown-unknown --lib --bin cankao --no-default-features -- -D warnings

step "native tests: the pure core, the corpus validator, property tests"
cargo test --quiet

step "corpus validator on data/corpus"
cargo run --quiet --bin cankao-tool -- validate data/corpus

step "wasm-bindgen-test: components in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --target wasm32-unknown-unknown --test browser

step "release build"
"$ROOT/scripts/build.sh"

step "end-to-end browser tests against dist/ on a plain static server"
(cd tests/e2e && node --test --test-concurrency=1 .)
