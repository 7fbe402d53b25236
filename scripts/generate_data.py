#!/usr/bin/env python
"""Generate the cx-metrics demo data.

Usage (from the repo root):
    python scripts/generate_data.py [--seed 42] [--tickets 2000] [--out seeds] [--format csv|parquet]

Writes <out>/<table>.<format> for every raw table and <out>/generator_params.json
(all parameters, seed, row counts, planted effects and planted bad rows).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from cx_metrics import generate as gen  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    ap.add_argument("--tickets", type=int, default=2000,
                    help="number of tickets; other tables scale with it (default 2000)")
    ap.add_argument("--out", default="seeds", help="output directory (default seeds)")
    ap.add_argument("--format", choices=("csv", "parquet"), default="csv",
                    help="output format (default csv)")
    args = ap.parse_args(argv)
    if args.tickets < 50:
        ap.error("--tickets must be at least 50 (bad rows need some clean rows to attach to)")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    t0 = time.perf_counter()
    data = gen.run(seed=args.seed, tickets=args.tickets, out=args.out, fmt=args.format)
    elapsed = time.perf_counter() - t0
    for name, n in data.metadata["row_counts"].items():
        print(f"{name:22s} {n:>10,d}")
    print(f"wrote {len(data.tables)} {args.format} tables + generator_params.json to "
          f"{args.out} in {elapsed:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
