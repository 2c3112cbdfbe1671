# What a user would write instead of `jixiao score`: PyYAML's C loader and decimal, totals and grades only.
# python3 score.py DIR  ->  one line per self-evaluation: file, execution rate, total, grade
import decimal, os, sys, yaml
from decimal import Decimal as D

def number(text):
    try: return D(str(text).replace(",", "")) if str(text).strip() else None
    except decimal.InvalidOperation: return None

def amount(funds, key):
    total = number(funds["total"].get(key, ""))
    if total is not None or not funds.get("sources"): return total
    parts = [number(row.get(key, "")) or D(0) for row in funds["sources"]]
    return sum(parts, D(0))

half_up = lambda x: x.quantize(D("0.01"), rounding=decimal.ROUND_HALF_UP)
for root, _, names in sorted(os.walk(sys.argv[1])):
    for name in sorted(names):
        if not name.endswith((".yaml", ".yml")): continue
        with open(os.path.join(root, name), encoding="utf-8") as f: form = yaml.load(f, Loader=yaml.CSafeLoader)
        if form.get("form") != "self-evaluation": continue
        budget, executed = amount(form["funds"], "fullYearBudget"), amount(form["funds"], "executed")
        rate = executed / budget if budget and executed is not None else None
        execution = half_up(10 * min(max(rate, D(0)), D(1))) if rate is not None else D(0)
        total = half_up(execution + sum((number(row["score"]) or D(0) for row in form["indicators"]), D(0)))
        grade = "优" if total >= 90 else "良" if total >= 80 else "中" if total >= 60 else "差"
        print(os.path.join(root, name), half_up(rate * 100) if rate is not None else "—", total, grade, sep="\t")
