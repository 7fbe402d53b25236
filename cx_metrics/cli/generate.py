"""``cx-metrics generate``: write the demo data set."""

from __future__ import annotations

import argparse
import time

SUMMARY = "write the demo data set (CSV or Parquet) and generator_params.json"
DESCRIPTION = """Generate the cx-metrics demo data (deterministic for a seed).

Writes <out>/<table>.<format> for every raw table and <out>/generator_params.json
(all parameters, seed, row counts, planted effects and planted bad rows).
The committed seeds/ are the defaults: seed 42, 2000 tickets, CSV.

--format fivetran_zendesk writes the same world as the tables of Fivetran's Zendesk
connector instead (docs/fivetran_zendesk.md), as CSV or Parquet (--file-format), with the
contract tables Zendesk has no counterpart for in <out>/cx/."""

MIN_TICKETS = 50  # bad rows need some clean rows to attach to
FORMATS = ("csv", "parquet", "fivetran_zendesk")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    parser.add_argument("--tickets", type=int, default=2000,
                        help="number of tickets; other tables scale with it (default 2000)")
    parser.add_argument("--out", default="seeds", help="output directory (default seeds)")
    parser.add_argument("--format", choices=FORMATS, default="csv",
                        help="csv or parquet: the source contract; fivetran_zendesk: Fivetran's Zendesk "
                             "schema (default csv)")
    parser.add_argument("--file-format", choices=("csv", "parquet"), default="csv",
                        help="file format of --format fivetran_zendesk (default csv)")


def run(args: argparse.Namespace) -> int:
    if args.tickets < MIN_TICKETS:
        args.parser.error(f"--tickets must be at least {MIN_TICKETS} "
                          "(bad rows need some clean rows to attach to)")
    from cx_metrics import generate

    start = time.perf_counter()
    if args.format == "fivetran_zendesk":
        return run_fivetran_zendesk(args, start)
    data = generate.run(seed=args.seed, tickets=args.tickets, out=args.out, fmt=args.format)
    elapsed = time.perf_counter() - start
    for name, rows in data.metadata["row_counts"].items():
        print(f"{name:22s} {rows:>10,d}")
    print(f"wrote {len(data.tables)} {args.format} tables + generator_params.json to "
          f"{args.out} in {elapsed:.1f}s")
    return 0


def run_fivetran_zendesk(args: argparse.Namespace, start: float) -> int:
    import json
    from pathlib import Path

    from cx_metrics import generate
    from cx_metrics.generate.fivetran import to_fivetran_zendesk, write_fivetran_zendesk

    data = generate.generate(generate.GeneratorParams(seed=args.seed, n_tickets=args.tickets))
    result = to_fivetran_zendesk(data.tables)
    write_fivetran_zendesk(result, args.out, args.file_format)
    (Path(args.out) / "generator_params.json").write_text(json.dumps(data.metadata, indent=2) + "\n")
    elapsed = time.perf_counter() - start
    for name, table in {**result.tables, **{f"cx/{k}": v for k, v in result.contract_tables.items()}}.items():
        print(f"{name:26s} {table.num_rows:>10,d}")
    for what, rows in result.skipped.items():
        print(f"left out ({what}): {rows:,d}")
    print(f"wrote {len(result.tables)} Fivetran Zendesk {args.file_format} tables, "
          f"{len(result.contract_tables)} contract tables (cx/) + generator_params.json to {args.out} "
          f"in {elapsed:.1f}s")
    return 0
