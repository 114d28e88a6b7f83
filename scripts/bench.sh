#!/usr/bin/env bash
# The benchmark (not part of scripts/test.sh): builds the release app at corpus scales 1×, 10×
# and 100×, serves each build compressed, measures it in Chromium and writes
# target/bench/report.json and target/bench/report.md (printed at the end). Budgets are
# reported, never enforced: a miss does not fail this command.
#   BENCH_SCALES="1 10"   scales to build and measure (default "1 10 100")
#   BENCH_SKIP_BUILD=1    measure the dists already in target/bench/dist-<N>x/
#   BENCH_RUNS=5          cold runs per timing;  BENCH_LH_RUNS=3  Lighthouse runs per page
. "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh" --test

BENCH_DIR="$ROOT/target/bench"
export BENCH_DIR
export BENCH_SCALES="${BENCH_SCALES:-1 10 100}"

# npm ci only when the lock file changed since the last install (npm writes its own copy).
if [ ! tests/bench/node_modules/.package-lock.json -nt tests/bench/package-lock.json ]; then
  log "installing the benchmark's npm packages"
  (cd tests/bench && npm ci --no-audit --no-fund --silent)
fi

if [ "${BENCH_SKIP_BUILD:-}" != 1 ]; then
  for scale in $BENCH_SCALES; do
    log "building the release app at ${scale}× the corpus into target/bench/dist-${scale}x/"
    # The post-build hook reads CANKAO_SCALE and writes N issues generated from the real one.
    CANKAO_SCALE="$scale" trunk build --release --dist "$BENCH_DIR/dist-${scale}x"
  done
fi

log "measuring scales: $BENCH_SCALES"
node tests/bench/run.mjs
