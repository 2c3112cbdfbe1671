#!/usr/bin/env bash
# scripts/fuzz.sh TARGET|all SECONDS [SEED]: fuzzes one reader (or each, `all`) for SECONDS each with the
# deterministic mutational driver JixiaoFuzz (Fuzz/JixiaoFuzz), seeded from Fuzz/corpus/TARGET/. Each target
# runs in a child process under a memory limit (4 GB) and a time limit; if the child dies (a trap, a signal,
# the time limit) the input it was reading is saved as $JIXIAO_FUZZ_CRASHES/TARGET/<sha1> (default folder
# Fuzz/crashes) and the script exits 1. scripts/test-fuzz-script.sh proves that on a target that traps.
# Replay a saved input with: $(swift build --show-bin-path)/JixiaoFuzz replay TARGET FILE
# (libFuzzer instead of this driver: see "Fuzzing" in docs/architecture.md.)
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh TARGET|all SECONDS [SEED]}
seconds=${2:?usage: scripts/fuzz.sh TARGET|all SECONDS [SEED]}
seed=${3:-1}
crashes=${JIXIAO_FUZZ_CRASHES:-Fuzz/crashes}
bin="$(swift build --show-bin-path)/JixiaoFuzz"
[ -x "$bin" ] || swift build --product JixiaoFuzz
if [ "$target" = all ]; then targets=$("$bin" list); else targets=$target; fi
status=0
for name in $targets; do
    work=$(mktemp -d)
    set +e
    (
        ulimit -v $((4 * 1024 * 1024))
        exec timeout --signal=KILL $((seconds + 60)) "$bin" run "$name" "$seconds" "Fuzz/corpus/$name" "$work/last" "$seed"
    )
    code=$?
    set -e
    if [ "$code" -eq 2 ]; then
        # The driver's own refusal (unknown target, empty corpus): nothing was fuzzed, no input to keep.
        echo "模糊测试 $name：无法运行（见上面的说明）" >&2
        status=1
    elif [ "$code" -ne 0 ]; then
        mkdir -p "$crashes/$name"
        saved="$crashes/$name/$(sha1sum "$work/last" | cut -c1-12)"
        cp "$work/last" "$saved"
        echo "模糊测试 $name：子进程异常结束（退出码 $code），输入已保存为 $saved" >&2
        status=1
    fi
    rm -rf "$work"
done
exit $status
