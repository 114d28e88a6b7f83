#!/usr/bin/env bash
# Trunk's post_build hook: completes dist/ from the corpus (native tool) and public/.
set -euo pipefail
: "${TRUNK_STAGING_DIR:?run by trunk build}"
cp -R public/. "$TRUNK_STAGING_DIR/"
# Trunk's page before the tool fills it: tests re-run the tool on a copy of dist/ with it.
mkdir -p target
cp "$TRUNK_STAGING_DIR/index.html" target/index.template.html
# CANKAO_SCALE=N (benchmarks): ship the corpus as if it had N times as many issues.
cargo run --quiet --bin cankao-tool -- site data/corpus "$TRUNK_STAGING_DIR" --scale "${CANKAO_SCALE:-1}"
