#!/usr/bin/env bash
# Trunk's post_build hook: completes dist/ from the corpus (native tool) and public/.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk build}"
cp -R public/. "$TRUNK_STAGING_DIR/"
cargo run --quiet --bin cankao-tool -- site data/corpus "$TRUNK_STAGING_DIR"
