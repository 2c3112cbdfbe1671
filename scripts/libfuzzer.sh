#!/usr/bin/env bash
# scripts/libfuzzer.sh SECONDS: coverage-guided fuzzing (libFuzzer, with AddressSanitizer) of the one hardened
# XML reader, JixiaoXMLReading, which every XML-based reader goes through (form XML, .xlsx and .docx parts).
# SwiftPM cannot build a package target with `-sanitize=fuzzer` beside executables that have their own main,
# so this compiles the module's sources with Fuzz/LibFuzzer/HardenedXMLReaderFuzz.swift into one binary with
# swiftc (about 5 s), seeded from Fuzz/corpus/xml. A crashing input is saved under
# $JIXIAO_FUZZ_CRASHES/libfuzzer-xml/ (default Fuzz/crashes) and the script exits 1. The other readers are
# fuzzed by scripts/fuzz.sh's deterministic driver. Needs swiftc 6.x on Linux (its libFuzzer runtime).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: scripts/libfuzzer.sh SECONDS}
crashes=${JIXIAO_FUZZ_CRASHES:-Fuzz/crashes}/libfuzzer-xml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name JixiaoXMLReading -package-name jixiao \
    -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 \
    Sources/JixiaoXMLReading/*.swift Fuzz/LibFuzzer/HardenedXMLReaderFuzz.swift -o "$work/fuzz" 2>"$work/build.log" ||
    { cat "$work/build.log" >&2; exit 1; }
mkdir -p "$work/corpus" "$crashes"
cp Fuzz/corpus/xml/* "$work/corpus/"
set +e
# The Swift runtime's backtracer would try to symbolicate the trap under AddressSanitizer; libFuzzer reports it.
SWIFT_BACKTRACE=enable=no "$work/fuzz" -max_total_time="$seconds" -seed=1 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$crashes/" "$work/corpus" >"$work/run.log" 2>&1
code=$?
set -e
if [ "$code" -ne 0 ]; then
    tail -40 "$work/run.log" >&2
    echo "libFuzzer：HardenedXMLReader 崩溃或超时（退出码 $code），输入已保存在 $crashes/" >&2
    exit 1
fi
grep -E "^Done [0-9]+ runs" "$work/run.log" | sed 's/^/libFuzzer HardenedXMLReader：/'
