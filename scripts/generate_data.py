#!/usr/bin/env python
"""Generate the cx-metrics demo data (same as `cx-metrics generate`).

Usage (from the repo root):
    python scripts/generate_data.py [--seed 42] [--tickets 2000] [--out seeds] [--format csv|parquet]

Writes <out>/<table>.<format> for every raw table and <out>/generator_params.json
(all parameters, seed, row counts, planted effects and planted bad rows).
"""

from __future__ import annotations

from collections.abc import Sequence

from cx_metrics.cli import run_command


def main(argv: Sequence[str] | None = None) -> int:
    return run_command("generate", argv, prog="generate_data.py")


if __name__ == "__main__":
    raise SystemExit(main())
