#!/usr/bin/env python3
"""Writes tests/corpus/cases/ and tests/corpus/manifest.tsv: broken workbooks, edufunds.json files,
ledgers, bank exports, rules and budgets, each with the exit code and the place (or warning) that
edufunds must report. Deterministic: run it again after changing it, and commit what it writes.

manifest.tsv columns: id, exit code, a regular expression stderr must match, the command line
({case} is the case's folder). Exit 2 cases name file:line:column (or the option); exit 0 cases
are valid files that DESIGN.md makes a warning ("-": no pattern, the exit code alone).
"""
import json, os, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
shutil.rmtree(CASES, ignore_errors=True)

SETTINGS = {"name": "Corpus", "years": {"from": 2024, "to": 2026},
            "scenarios": [{"name": "cut", "changes": [{"type": "scale", "from": 2025, "stream": "DG", "factor": 0.9}]}]}
STREAM_H = ["id", "name", "kind", "recurrence", "amount", "start_year", "end_year", "annual_change", "restricted_to", "renewal_probability", "amount_cv"]
STREAMS = [["DG", "District", "district-grant", "recurring", "1000.00", "2024", "", "-0.05", "", "0.9", "0.1"],
           ["SP", "Sponsor", "sponsorship", "one-off", "300.00", "2025", "", "", "P2", "", ""]]
PROGRAM_H = ["id", "name", "category", "community", "cost", "cost_change", "min_funding_ratio", "priority", "start_year", "end_year", "participants"]
PROGRAMS = [["P1", "Course", "basic", "All", "800.00", "0.01", "0.6", "1", "2024", "", "100"],
            ["P2", "Festival", "flagship", "All", "500.00", "", "0.5", "2", "2024", "", "300"]]
LEDGER_H = ["date", "type", "stream", "program", "amount", "reference", "memo"]
LEDGER = [["2024-03-01", "receipt", "DG", "", "500.00", "R1", "first"],
          ["2024-04-01", "expense", "", "P1", "200.00", "E1", "chalk"]]
EXPORT = "date,amount,type,stream,program,reference,memo\n2024-05-02,120.00,expense,,P1,V1,books\n2024-05-03,80.00,receipt,DG,,V2,grant\n"
EXPORT_MAP = "date=date,amount=amount,type=type,stream=stream,program=program,reference=reference,memo=memo"

manifest = []


def csv(header, rows):
    return "\n".join(",".join(r) for r in [header] + rows) + "\n"


def workbook(folder, settings=None, streams=None, programs=None, ledger=None, raw=None):
    os.makedirs(folder, exist_ok=True)
    files = {"edufunds.json": json.dumps(settings if settings is not None else SETTINGS, ensure_ascii=False, indent=1).encode() + b"\n",
             "streams.csv": csv(STREAM_H, streams if streams is not None else STREAMS).encode(),
             "programs.csv": csv(PROGRAM_H, programs if programs is not None else PROGRAMS).encode(),
             "ledger.csv": csv(LEDGER_H, ledger if ledger is not None else LEDGER).encode()}
    files.update(raw or {})
    for name, content in files.items():
        if content is None:
            continue
        with open(os.path.join(folder, name), "wb") as f:
            f.write(content)


def case(name, code, expect, args, **files):
    cid = f"{len(manifest) + 1:03d}-{name}"
    folder = os.path.join(CASES, cid)
    workbook(os.path.join(folder, "wb"), **{k: v for k, v in files.items() if k in ("settings", "streams", "programs", "ledger", "raw")})
    for extra in ("export", "rules", "budgets"):
        if extra in files:
            data = files[extra]
            with open(os.path.join(folder, extra + ".csv"), "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode())
    manifest.append((cid, str(code), expect, args))
    return folder


def validate(name, code, expect, **files):
    return case(name, code, expect, "validate {case}/wb", **files)


def replaced(rows, r, c, value):
    rows = [list(x) for x in rows]
    rows[r][c] = value
    return rows


def quoted(value):
    return '"' + value.replace('"', '""') + '"' if any(ch in value for ch in ',"\n\r') else value


# 1. One bad cell at a time, in each column of each file: exit 2 at that line and column.
BAD = {
    "amount": ["abc", "1.234", "-5.00", "1e5", "１００", "99999999999999999999999.00", "1,000.00", "NaN", "12元", "0x10", "--1", "1.2.3", "Infinity", "\u0661\u0662"],
    "year": ["20x4", "1800", "2300", "-1", "2024.5", "１２", "99999999999", "abc"],
    "rate": ["8%", "abc", "-2", "1,5", "--0.1", "0.1.1", "NaN", "∞"],
    "probability": ["1.5", "-0.1", "abc", "50%"],
    "cv": ["-0.1", "abc", "1e2"],
    "kind": ["grant", "District Grant!", "district_grant_x", "=1", "\u200bdistrict-grant"],
    "recurrence": ["sometimes", "once", "recurring!"],
    "category": ["premium", "basic!", "Flag ship"],
    "priority": ["0", "-1", "1.5", "high"],
    "ratio": ["0", "1.5", "-0.2", "abc"],
    "participants": ["-5", "abc", "1.5"],
    "restricted": [";", ";;", " ; ; ", "P9", "P1;P1", "P2;NOPE"],
}
STREAM_COLS = {"kind": 2, "recurrence": 3, "amount": 4, "start_year": 5, "end_year": 6, "annual_change": 7, "restricted_to": 8, "renewal_probability": 9, "amount_cv": 10}
STREAM_BAD = {"kind": "kind", "recurrence": "recurrence", "amount": "amount", "start_year": "year", "end_year": "year", "annual_change": "rate",
              "restricted_to": "restricted", "renewal_probability": "probability", "amount_cv": "cv"}
for column, index in STREAM_COLS.items():
    for value in BAD[STREAM_BAD[column]]:
        if column == "end_year" and value in ("2300",):
            continue
        validate(f"streams-{column}", 2, rf"streams\.csv:2:{index + 1}:", streams=replaced(STREAMS, 0, index, quoted(value)))
PROGRAM_COLS = {"category": (2, "category"), "cost": (4, "amount"), "cost_change": (5, "rate"), "min_funding_ratio": (6, "ratio"),
                "priority": (7, "priority"), "start_year": (8, "year"), "end_year": (9, "year"), "participants": (10, "participants")}
for column, (index, kind) in PROGRAM_COLS.items():
    for value in BAD[kind]:
        if column == "cost" and value == "-5.00" or column == "end_year" and value == "2300":
            continue
        validate(f"programs-{column}", 2, rf"programs\.csv:3:{index + 1}:", programs=replaced(PROGRAMS, 1, index, quoted(value)))
LEDGER_COLS = {"date": (0, ["2024-13-01", "2024-02-30", "01/03/2024", "20240301", "tomorrow", "2024-3-1"]),
               "type": (1, ["refund", "Receipts", "借"]),
               "stream": (2, ["NOPE", "dg"]),
               "amount": (4, BAD["amount"] + ["0", "0.00"])}
for column, (index, values) in LEDGER_COLS.items():
    for value in values:
        validate(f"ledger-{column}", 2, rf"ledger\.csv:2:{index + 1}:", ledger=replaced(LEDGER, 0, index, quoted(value)))
validate("ledger-receipt-with-program", 2, r"ledger\.csv:2:4:", ledger=replaced(LEDGER, 0, 3, "P1"))
validate("ledger-expense-unknown-program", 2, r"ledger\.csv:3:4:", ledger=replaced(LEDGER, 1, 3, "P9"))
validate("ledger-receipt-without-stream", 2, r"ledger\.csv:2:3:", ledger=replaced(LEDGER, 0, 2, ""))

# 2. Whole-file problems of the CSV files.
for name in ("streams.csv", "programs.csv", "ledger.csv"):
    stem = name.split(".")[0]
    header = {"streams.csv": STREAM_H, "programs.csv": PROGRAM_H, "ledger.csv": LEDGER_H}[name]
    rows = {"streams.csv": STREAMS, "programs.csv": PROGRAMS, "ledger.csv": LEDGER}[name]
    body = csv(header, rows)
    esc = name.replace(".", r"\.")
    validate(f"{stem}-invalid-utf8", 2, rf"{esc}:3:\d+:.*(UTF-8|GB18030)", raw={name: body.encode().replace(rows[1][1].encode(), b"\xff\xfe\xb5x", 1)})
    validate(f"{stem}-gb18030-without-encoding", 2, rf"{esc}:\d+:\d+:.*gb18030", raw={name: body.replace(rows[0][1], "街道经费", 1).encode("gb18030")})
    validate(f"{stem}-unclosed-quote", 2, rf"{esc}:\d+:\d+:", raw={name: (body.rstrip("\n") + '\n"' + rows[0][0] + ',x\n').encode()})
    validate(f"{stem}-extra-cells", 2, rf"{esc}:3:\d+:", raw={name: body.replace(",".join(rows[1]), ",".join(rows[1]) + ",extra,more").encode()})
    validate(f"{stem}-duplicate-column", 2, rf"{esc}:1:\d+:.*twice", raw={name: body.replace(header[0] + ",", header[0] + "," + header[0] + ",", 1).replace("\n", "\n" + "x,", 0).encode()})
    validate(f"{stem}-missing-required-column", 2, rf"{esc}:1:0:", raw={name: "\n".join(",".join(r[1:]) for r in [header] + rows).encode() + b"\n"})
    validate(f"{stem}-long-cell", 2, rf"{esc}:3:\d+:", raw={name: body.replace(rows[1][1], "x" * 20000, 1).encode()})
    validate(f"{stem}-nul-bytes", 2, rf"{esc}:\d+:\d+:", raw={name: b"\x00" * 64 + body.encode()})
    if name != "ledger.csv":
        validate(f"{stem}-empty", 2, rf"{esc}:1:0:", raw={name: b""})
        validate(f"{stem}-only-bom", 2, rf"{esc}:1:0:", raw={name: b"\xef\xbb\xbf"})
        validate(f"{stem}-duplicate-id", 2, rf"{esc}:3:1:", raw={name: body.replace(rows[1][0] + ",", rows[0][0] + ",", 1).encode()})
        validate(f"{stem}-lookalike-zwsp", 2, rf"{esc}:3:1:.*looks like", raw={name: body.replace(rows[1][0] + ",", rows[0][0] + "\u200b,", 1).encode()})
        validate(f"{stem}-lookalike-bom", 2, rf"{esc}:3:1:.*looks like", raw={name: body.replace(rows[1][0] + ",", "\ufeff" + rows[0][0] + ",", 1).encode()})

# 3. edufunds.json.
def settings_with(**changes):
    s = json.loads(json.dumps(SETTINGS))
    s.update(changes)
    return s


def scenario(*changes, name="x"):
    return settings_with(scenarios=[{"name": name, "changes": list(changes)}])


JSON_RAW = {
    "json-truncated": b'{"name": "Corpus", "years": {"from": 2024,',
    "json-not-an-object": b'[1, 2, 3]\n',
    "json-invalid-utf8": b'{"name": "Corpus \xff\xfe", "years": {"from": 2024, "to": 2026}}\n',
    "json-lone-surrogate": b'{"name": "Corpus \\ud800", "years": {"from": 2024, "to": 2026}}\n',
    "json-lone-low-surrogate-in-scenario": b'{"years": {"from": 2024, "to": 2026}, "scenarios": [{"name": "\\udc00x", "changes": []}]}\n',
    "json-trailing-garbage": b'{"years": {"from": 2024, "to": 2026}} xyz\n',
    "json-comment-unclosed": b'{"years": {"from": 2024, "to": 2026}} /* \n',
    "json-nul": b'{"years": {"from": 2024, "to": 2026}, "name": "a\x00b"}\n',
}
for name, raw in JSON_RAW.items():
    validate(name, 2, r"edufunds\.json:\d+:\d+:", raw={"edufunds.json": raw})
JSON_BAD = {
    "years-from-zero": settings_with(years={"from": 0, "to": 2026}),
    "years-from-negative": settings_with(years={"from": -5, "to": 2026}),
    "years-reversed": settings_with(years={"from": 2026, "to": 2024}),
    "years-as-text": settings_with(years="2024-2026"),
    "years-huge": settings_with(years={"from": 2024, "to": 99999999999}),
    "years-decimal": settings_with(years={"from": 2024.5, "to": 2026}),
    "fiscal-month-13": settings_with(fiscalYearStartMonth=13),
    "currency-unknown": settings_with(currency="XYZ"),
    "rounding-unknown": settings_with(rounding="bankers"),
    "policy-unknown": settings_with(policy="random"),
    "flagship-weight-zero": settings_with(flagshipWeight=0),
    "flagship-weight-text": settings_with(flagshipWeight="heavy"),
    "shelve-after-negative": settings_with(shelveAfter=-1),
    "runs-zero": settings_with(monteCarlo={"runs": 0, "seed": 1}),
    "seed-huge": settings_with(monteCarlo={"runs": 10, "seed": 1e40}),
    "encoding-unknown": settings_with(encoding="klingon"),
    "scenario-named-base": scenario({"type": "stop", "from": 2025, "stream": "DG"}, name="base"),
    "scenario-named-BASE": scenario({"type": "stop", "from": 2025, "stream": "DG"}, name="Base"),
    "scenario-no-name": scenario({"type": "stop", "from": 2025, "stream": "DG"}, name=""),
    "change-unknown-type": scenario({"type": "grow", "from": 2025, "stream": "DG"}),
    "change-unknown-stream": scenario({"type": "stop", "from": 2025, "stream": "NOPE"}),
    "change-factor-negative": scenario({"type": "scale", "from": 2025, "stream": "DG", "factor": -1}),
    "change-factor-overflow": scenario({"type": "scale", "from": 2025, "stream": "DG", "factor": "7922816251426433759354395033"}),
    "change-trend-overflow": scenario({"type": "trend", "from": 2025, "stream": "DG", "annualChange": "1000000000"}),
    "change-rate-overflow": scenario({"type": "rate", "from": 2025, "kind": "district-grant", "annualChange": "1000000000"}),
    "change-rate-below-minus-one": scenario({"type": "rate", "from": 2025, "stream": "DG", "annualChange": -2}),
    "change-factor-29-digits": scenario({"type": "scale", "from": 2025, "stream": "DG", "factor": "1.0000000000000000000000000001"}),
    "change-from-text": scenario({"type": "stop", "from": "next year", "stream": "DG"}),
    "change-from-1800": scenario({"type": "stop", "from": 1800, "stream": "DG"}),
    "change-weight-zero": scenario({"type": "set", "from": 2025, "flagshipWeight": 0}),
    "change-ratio-out-of-range": scenario({"type": "set", "from": 2025, "program": "P1", "minFundingRatio": 2}),
    "change-priority-zero": scenario({"type": "set", "from": 2025, "program": "P1", "priority": 0}),
    "change-add-stream-bad-amount": scenario({"type": "add-stream", "from": 2025, "row": {"id": "N", "name": "N", "kind": "donation", "recurrence": "recurring", "amount": "lots"}}),
    "change-add-program-duplicate": scenario({"type": "add-program", "from": 2025, "row": {"id": "P1", "name": "X", "category": "basic", "cost": "1.00"}}),
    "change-kind-and-stream": scenario({"type": "stop", "from": 2025, "stream": "DG", "kind": "donation", "extra": 1}),
}
for name, settings in JSON_BAD.items():
    validate(name, 2, r"edufunds\.json:\d+:\d+:", settings=settings)
validate("streams-total-overflow", 2, r"streams\.csv:\d+:\d+:", streams=[["DG", "A", "district-grant", "recurring", "60000000000000000.00", "2024", "", "", "", "", ""],
                                                                     ["DH", "B", "district-grant", "recurring", "60000000000000000.00", "2024", "", "", "", "", ""]])
validate("program-need-grows-too-large", 2, r"programs\.csv:2:\d+:", programs=replaced(PROGRAMS, 0, 5, "1000000000"))

# 4. Valid with a warning (DESIGN.md: the years are a window).
WARN = r"warning:"
validate("ledger-before-the-years", 0, rf"ledger\.csv:2:1: {WARN}", ledger=replaced(LEDGER, 0, 0, "2019-06-30"))
validate("ledger-after-the-years", 0, rf"ledger\.csv:3:1: {WARN}", ledger=replaced(LEDGER, 1, 0, "2031-01-01"))
validate("stream-ended-before-the-years", 0, rf"streams\.csv:2:7: {WARN}", streams=replaced(replaced(STREAMS, 0, 5, "2015"), 0, 6, "2018"))
validate("stream-starts-after-the-years", 0, rf"streams\.csv:3:6: {WARN}", streams=replaced(STREAMS, 1, 5, "2030"))
validate("program-starts-before-the-years", 0, rf"programs\.csv:2:9: {WARN}", programs=replaced(PROGRAMS, 0, 8, "2018"))
validate("change-before-the-years", 0, rf"edufunds\.json:\d+:\d+: {WARN}", settings=scenario({"type": "trend", "from": 2020, "stream": "DG", "annualChange": -0.1}))
validate("unknown-column", 0, rf"streams\.csv:1:12: {WARN}", raw={"streams.csv": csv(STREAM_H + ["anual_change"], [r + [""] for r in STREAMS]).encode()})
validate("chinese-headers", 0, "-", raw={"streams.csv": csv(["编号", "名称", "类型", "周期", "金额", "起始年度", "结束年度", "年变化率", "限定用途", "续拨概率", "金额变异系数"], STREAMS).encode()})

# 5. Imports (always --dry-run: the corpus is never written to).
def imp(name, code, expect, export, extra="", **files):
    return case(name, code, expect, f"import {{case}}/export.csv -w {{case}}/wb --map {EXPORT_MAP} -n{extra}", export=export, **files)


lines = EXPORT.splitlines()
for value in ["2024-13-01", "yesterday", "32/01/2024", "2024年13月1日"]:
    imp("export-bad-date", 2, r"export\.csv:2:1:", "\n".join([lines[0], lines[1].replace("2024-05-02", value, 1), lines[2]]) + "\n")
for value in ["abc", "1.2.3", "12..0", "99999999999999999999999.00", "1.234"]:
    imp("export-bad-amount", 2, r"export\.csv:2:2:", "\n".join([lines[0], lines[1].replace("120.00", quoted(value), 1), lines[2]]) + "\n")
imp("export-duplicate-columns", 2, r"export\.csv:1:8:.*twice", lines[0] + ",memo\n" + lines[1] + ",x\n")
imp("export-unknown-stream-is-listed", 0, "-", "\n".join([lines[0], lines[1], lines[2].replace(",DG,", ",NOPE,")]) + "\n")
imp("export-bad-type", 2, r"export\.csv:2:3:", "\n".join([lines[0], lines[1].replace("expense", "gift"), lines[2]]) + "\n")
imp("export-invalid-utf8", 2, r"export\.csv:2:\d+:.*encoding", (lines[0] + "\n").encode() + b"2024-05-02,120.00,expense,,P1,V1,\xb5\xc4\xff\n")
imp("export-outside-the-years", 0, r"export\.csv:2:1: warning:", "\n".join([lines[0], lines[1].replace("2024-05-02", "2031-05-02")]) + "\n")
imp("export-before-the-years", 0, r"export\.csv:2:1: warning:", "\n".join([lines[0], lines[1].replace("2024-05-02", "2019-05-02")]) + "\n")
imp("export-missing-mapped-column", 2, r"export\.csv:1:0:", lines[0].replace(",memo", "") + "\n" + lines[1].rsplit(",", 1)[0] + "\n")
imp("export-unclosed-quote", 2, r"export\.csv:\d+:\d+:", EXPORT + '2024-05-04,1.00,expense,,P1,V3,"never closed\n')
imp("export-formula-cells-valid", 0, "-", "\n".join([lines[0], lines[1].replace("books", "'=V2"), lines[2].replace("grant", "\"a;=HYPERLINK(\"\"x\"\")\"")]) + "\n")
imp("export-date-format-percent", 2, r"--date-format", EXPORT, extra=" --date-format %")
RULES_H = "field,match,pattern,target\n"
for name, rules, col in [("rules-bad-regex", "memo,regex,(unclosed,program:P1\n", 3), ("rules-unknown-target", "memo,contains,books,program:NOPE\n", 4),
                         ("rules-unknown-match", "memo,fuzzy,books,program:P1\n", 2), ("rules-bad-target-kind", "memo,contains,books,person:P1\n", 4),
                         ("rules-catastrophic-regex", "memo,regex,^(a+)+$,program:P1\n", 3)]:
    export = EXPORT if name != "rules-catastrophic-regex" else lines[0] + "\n2024-05-02,120.00,expense,,," + "V9," + "a" * 5000 + "!\n"
    if name == "rules-catastrophic-regex":
        imp(name, 2, r"(rules\.csv:2:3|export\.csv:2:\d+)", export, extra=" --rules {case}/rules.csv", rules=RULES_H + rules)
    else:
        imp(name, 2, rf"rules\.csv:2:{col}:", export, extra=" --rules {case}/rules.csv", rules=RULES_H + rules)

# 6. Budgets for track.
BUDGET_H = "year,program,amount\n"
for name, row, col in [("budget-bad-year", "20x5,P1,100.00", 1), ("budget-year-outside", "2030,P1,100.00", 1), ("budget-unknown-program", "2025,NOPE,100.00", 2),
                       ("budget-bad-amount", "2025,P1,1.234", 3), ("budget-negative-amount", "2025,P1,-5.00", 3), ("budget-huge-amount", "2025,P1,99999999999999999999.00", 3)]:
    case(name, 2, rf"budgets\.csv:2:{col}:", "track {case}/wb --as-of 2025-06-30 --budgets {case}/budgets.csv", budgets=BUDGET_H + row + "\n")
case("budget-duplicate-line", 2, r"budgets\.csv:3:\d+:", "track {case}/wb --as-of 2025-06-30 --budgets {case}/budgets.csv", budgets=BUDGET_H + "2025,P1,1.00\n2025,P1,2.00\n")

# 7. Options that parse but are out of range: exit 2 naming the option.
case("option-shard-5-of-4", 2, r"--shard 5/4", "simulate {case}/wb --runs 10 --shard 5/4")
case("option-shard-0-of-4", 2, r"--shard 0/4", "simulate {case}/wb --runs 10 --shard 0/4")
case("option-trend-overflow", 2, r"--trend district-grant:triangular:1e8:2e8:3e8", "risk {case}/wb --runs 10 --trend district-grant:triangular:1e8:2e8:3e8")
case("option-rate-overflow", 2, r"--rate district-grant:triangular:1e8:2e8:3e8", "simulate {case}/wb --runs 10 --rate district-grant:triangular:1e8:2e8:3e8")
case("option-scenario-at-sign", 2, r"no scenario '@cut'", "project {case}/wb -s @cut")

# 8. Entries that are not files (git keeps symbolic links; a folder holds a placeholder file).
loop = case("ledger-symlink-loop", 2, r"ledger\.csv:0:0:.*symbolic link", "validate {case}/wb", raw={"ledger.csv": None})
os.symlink("other.csv", os.path.join(loop, "wb", "ledger.csv"))
os.symlink("ledger.csv", os.path.join(loop, "wb", "other.csv"))
folder = case("ledger-is-a-folder", 2, r"ledger\.csv:0:0:.*folder", "validate {case}/wb", raw={"ledger.csv": None})
os.makedirs(os.path.join(folder, "wb", "ledger.csv"))
with open(os.path.join(folder, "wb", "ledger.csv", "README"), "w") as f:
    f.write("ledger.csv is a folder on purpose: the corpus checks that it is reported.\n")

# 9. Sums that would overflow later (tracking, cash position): validate finds them at the entry.
validate("ledger-sum-overflow", 2, r"ledger\.csv:3:5:", ledger=[["2024-03-01", "receipt", "DG", "", "50000000000000000.00", "R1", ""],
                                                                ["2024-03-02", "receipt", "DG", "", "50000000000000000.00", "R2", ""]])

with open(os.path.join(HERE, "manifest.tsv"), "w", encoding="utf-8") as f:
    f.write("# id\texit\texpect (regular expression on stderr)\tcommand ({case} = the case's folder)\n")
    for row in manifest:
        f.write("\t".join(row) + "\n")
print(f"{len(manifest)} cases")
