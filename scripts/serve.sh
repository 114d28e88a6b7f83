#!/usr/bin/env bash
# README command 1: set up what is missing, build the release app, serve dist/ on 127.0.0.1.
. "$(dirname "$0")/env.sh"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build.sh"
PORT="${PORT:-8080}"
log "serving dist/ at http://127.0.0.1:$PORT/  (Ctrl-C stops)"
# A plain static server, no rewrite rules: every deep link is a real folder with an index.html.
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist"
