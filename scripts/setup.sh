#!/usr/bin/env bash
# Installs the system packages Jixiao needs when they are missing (Debian): libxml2-dev (the one system
# library), libxml2-utils (xmllint, used to cross-check exported XML), libsqlite3-dev (the web application's
# embedded database, through GRDB), poppler-utils (pdftotext: the words and their positions on PDF pages, for
# `jixiao import`/`audit` of PDFs); and, when it can, chromium for the browser end-to-end test of
# `jixiao serve` (that test is skipped, saying so, where Chromium cannot be installed). Safe to run repeatedly.
set -euo pipefail
needed=()
for pkg in libxml2-dev libxml2-utils pkg-config libsqlite3-dev poppler-utils; do
  dpkg -s "$pkg" >/dev/null 2>&1 || needed+=("$pkg")
done
if [ ${#needed[@]} -gt 0 ]; then
  echo "正在安装系统依赖：${needed[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${needed[@]}" >/dev/null
fi

# Optional: Chromium for the browser end-to-end test. A failure here is reported, not fatal.
if ! command -v chromium >/dev/null 2>&1; then
  echo "正在安装浏览器端到端测试所需的 chromium"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo -n"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; } \
    || echo "未能安装 chromium：浏览器端到端测试将跳过" >&2
fi
