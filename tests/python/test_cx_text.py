"""cx_text on DuckDB (macros/validation/cx_text.sql) trims exactly what the other engines trim:
spaces and ASCII 9-13 at both ends, nothing else (not U+00A0, not other control characters),
and reads the empty result as null."""

from __future__ import annotations

import json

from conftest import run_dbt

# (raw value as a DuckDB SQL expression, expected text or None)
CASES = [
    ("'T033'", "T033"),
    ("' T033 '", "T033"),
    ("chr(9) || ' T033' || chr(10) || chr(13)", "T033"),
    ("' ' || chr(11) || chr(12) || 'a b' || chr(9)", "a b"),
    ("'a' || chr(9) || 'b'", "a" + chr(9) + "b"),
    ("'T033' || chr(160)", "T033" + chr(160)),
    ("chr(12288) || 'T033'", chr(12288) + "T033"),
    ("chr(1) || 'a' || chr(1)", chr(1) + "a" + chr(1)),
    ("chr(1) || ' a'", chr(1) + " a"),
    ("'日本 '", "日本"),
    ("''", None),
    ("' ' || chr(9) || chr(10)", None),
    ("cast(null as varchar)", None),
]


def test_cx_text_trims_spaces_and_ascii_9_to_13_only(tmp_path):
    rows = " union all ".join(f"select {index} as case_number, {value} as v" for index, (value, _) in enumerate(CASES))
    sql = f"select case_number, {{{{ cx_text('v') }}}} as trimmed from ({rows}) as cases order by case_number"
    result = run_dbt(["show", "-q", "--output", "json", "--limit", str(len(CASES)), "--inline", sql],
                     tmp_path / "show.duckdb", tmp_path)
    assert result.returncode == 0, result.stdout[-4000:]
    trimmed = [row["trimmed"] for row in json.loads(result.stdout)["show"]]
    assert trimmed == [expected for _, expected in CASES]
