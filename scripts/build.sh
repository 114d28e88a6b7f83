#!/usr/bin/env bash
# Builds the release app into dist/ (Trunk + the post-build hook that writes data and pages).
. "$(dirname "$0")/env.sh"
log "building the release app into dist/"
trunk build --release
