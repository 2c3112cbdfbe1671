#!/usr/bin/env bash
# Proves that scripts/fuzz.sh detects a crash and keeps the input that caused it: it fuzzes the driver's
# self-test target `self-test-trap` (Fuzz/JixiaoFuzz: reads its one seed, traps on every other input, the
# way a reader with a bug traps on a mutation) and expects exit 1, one saved input that is not the seed, and
# that input crashing again on replay while the seed does not. A real reader fuzzed for 2 s must pass, so the
# script is not simply failing every time. Run by scripts/test.sh before the fuzzing budget.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build --show-bin-path)/JixiaoFuzz"
[ -x "$bin" ] || swift build --product JixiaoFuzz
seed=Fuzz/corpus/self-test-trap/seed.txt
crashes=$(mktemp -d)
trap 'rm -rf "$crashes"' EXIT
fail() {
    echo "scripts/fuzz.sh 自检失败：$1" >&2
    [ -f "$crashes/out" ] && sed 's/^/  | /' "$crashes/out" >&2
    exit 1
}

set +e
JIXIAO_FUZZ_CRASHES="$crashes/saved" bash scripts/fuzz.sh self-test-trap 10 >"$crashes/out" 2>&1
code=$?
set -e
[ "$code" -eq 1 ] || fail "对必然崩溃的目标，退出码应为 1，实际为 $code"
grep -q "模糊测试 self-test-trap：子进程异常结束" "$crashes/out" || fail "没有报告子进程异常结束"
shopt -s nullglob
saved=("$crashes"/saved/self-test-trap/*)
[ "${#saved[@]}" -eq 1 ] || fail "应保存 1 个输入，实际 ${#saved[@]} 个"
cmp -s "${saved[0]}" "$seed" && fail "保存的是种子本身，不是使它崩溃的变异输入"
# (In a subshell that waits for the replay itself, so the shell's own "Illegal instruction" line is silenced.)
if (
    "$bin" replay self-test-trap "${saved[0]}"
    exit $?
) >/dev/null 2>&1; then fail "重放保存的输入没有崩溃"; fi
"$bin" replay self-test-trap "$seed" >/dev/null || fail "重放种子崩溃了"
"$bin" list | grep -qx self-test-trap && fail "自检目标出现在 list 中（fuzz.sh all 会把它当成读取器）"

JIXIAO_FUZZ_CRASHES="$crashes/saved" bash scripts/fuzz.sh config 2 >"$crashes/out" 2>&1 ||
    fail "对正常的读取器（config）应退出 0"
[ ! -e "$crashes/saved/config" ] || fail "正常的读取器也保存了输入"
echo "scripts/fuzz.sh 自检通过：崩溃被发现（退出码 1），输入已保存并可重放复现"
