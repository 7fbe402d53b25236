"""Benchmark: build cx-metrics on generated data of any size and print where the time goes.

    python benchmarks/run_benchmark.py --tickets 100000 [--select +fct_tickets] [--keep]

Generates the raw tables as Parquet (scripts/generate_data.py), exposes them as views in
schema raw of a fresh DuckDB file, runs `dbt build` on them (sources pointed at raw, seeds
excluded) and prints the wall time, the slowest models and the peak memory of dbt.
Figures only: nothing is asserted (correctness lives in the tests).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import duckdb

REPO_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def generate(tickets: int, seed: int, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "scripts/generate_data.py", "--tickets", str(tickets), "--seed", str(seed),
                    "--format", "parquet", "--out", str(out)], cwd=REPO_ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def expose_as_raw(parquet_dir: Path, database: Path) -> dict[str, int]:
    counts = {}
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema if not exists raw")
        for path in sorted(parquet_dir.glob("*.parquet")):
            connection.execute(f"create or replace view raw.{path.stem} as select * from read_parquet('{path}')")
            counts[path.stem] = connection.execute(f"select count(*) from raw.{path.stem}").fetchone()[0]
    return counts


def build(database: Path, work_dir: Path, select: list[str]) -> tuple[float, int]:
    env = dict(os.environ, CX_DUCKDB_PATH=str(database), DBT_PROFILES_DIR=str(REPO_ROOT))
    command = [str(BIN / "dbt"), "build", "--vars", "{cx_source: raw}", "--exclude", "resource_type:seed",
               "--target-path", str(work_dir / "target"), "--log-path", str(work_dir / "logs")]
    if select:
        # Only the tests whose every parent is selected: a test that also reads an unselected
        # model would fail on the missing table.
        command += ["--select", *select, "--indirect-selection", "cautious"]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(result.stdout[-4000:], file=sys.stderr)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak_kib, result.returncode


def node_timings(work_dir: Path) -> list[tuple[str, float]]:
    """(resource_type.name, seconds) of every node dbt ran, from run_results.json."""
    results = json.loads((work_dir / "target" / "run_results.json").read_text())["results"]
    return [(result["unique_id"].split(".", 2)[0] + "." + result["unique_id"].split(".", 2)[-1],
             result["execution_time"]) for result in results]


def seconds_by_type(timings: list[tuple[str, float]]) -> dict[str, float]:
    """Summed node time per resource type (model, test, unit_test, ...)."""
    totals: dict[str, float] = {}
    for name, seconds in timings:
        kind = name.split(".", 1)[0]
        totals[kind] = totals.get(kind, 0.0) + seconds
    return totals


def incremental_step(parquet_dir: Path, work_dir: Path, new_share: float) -> tuple[float, float, str]:
    """Incremental with new data (docs/incremental.md): a fresh database sees the rows before a
    time cut that leaves `new_share` of the tickets new (cx_metrics.incremental), gets a full
    `dbt run`, then sees every row and gets an incremental `dbt run`. Returns both run times and
    the cut."""
    sys.path.insert(0, str(REPO_ROOT))
    import pandas as pd

    from cx_metrics.incremental import cut_for_share, time_cut_views

    database = work_dir / "incremental.duckdb"
    tables = {path.stem: f"read_parquet('{path}')" for path in sorted(parquet_dir.glob("*.parquet"))}
    created = pd.read_parquet(parquet_dir / "tickets.parquet", columns=["created_at"])["created_at"]
    cut = cut_for_share(created, new_share)
    env = dict(os.environ, CX_DUCKDB_PATH=str(database), DBT_PROFILES_DIR=str(REPO_ROOT))
    seconds = []
    for phase_cut in (cut, None):
        with duckdb.connect(str(database)) as connection:
            connection.execute("create schema if not exists raw")
            for name, select in time_cut_views(tables, phase_cut).items():
                connection.execute(f"create or replace view raw.{name} as {select}")
        start = time.perf_counter()
        subprocess.run([str(BIN / "dbt"), "run", "--vars", "{cx_source: raw}", "--exclude", "resource_type:seed",
                        "--target-path", str(work_dir / "target-incremental"), "--log-path", str(work_dir / "logs")],
                       cwd=REPO_ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
    return seconds[0], seconds[1], cut


def main() -> int:
    parser = argparse.ArgumentParser(description="Build cx-metrics on generated data and print timings.")
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--select", nargs="*", default=[], help="dbt selection (default: everything)")
    parser.add_argument("--work-dir", type=Path, default=REPO_ROOT / "target" / "benchmark")
    parser.add_argument("--keep", action="store_true", help="keep the generated data and database")
    parser.add_argument("--incremental-share", type=float, default=0.01,
                        help="share of new tickets in the incremental step (0 = skip it)")
    args = parser.parse_args()

    shutil.rmtree(args.work_dir, ignore_errors=True)
    args.work_dir.mkdir(parents=True)
    parquet_dir, database = args.work_dir / "raw", args.work_dir / "benchmark.duckdb"
    generate_seconds = generate(args.tickets, args.seed, parquet_dir)
    counts = expose_as_raw(parquet_dir, database)
    build_seconds, peak_kib, returncode = build(database, args.work_dir, args.select)

    print(f"generated {args.tickets:,} tickets in {generate_seconds:.1f} s: "
          + ", ".join(f"{table} {rows:,}" for table, rows in counts.items()))
    print(f"dbt build: {build_seconds:.1f} s wall, peak memory of dbt {peak_kib / 1024:.0f} MiB, exit {returncode}")
    timings = node_timings(args.work_dir)
    print("summed node time (s): " + ", ".join(
        f"{kind} {seconds:.1f}" for kind, seconds in sorted(seconds_by_type(timings).items())))
    print("slowest nodes (s):")
    for name, seconds in sorted(timings, key=lambda item: -item[1])[:12]:
        print(f"  {seconds:8.2f}  {name}")
    if args.incremental_share > 0:
        full_seconds, incremental_seconds, cut = incremental_step(parquet_dir, args.work_dir, args.incremental_share)
        print(f"incremental with {args.incremental_share:.0%} new data (cut {cut}): dbt run on the rest "
              f"{full_seconds:.1f} s, then incremental dbt run {incremental_seconds:.1f} s")
    if not args.keep:
        shutil.rmtree(args.work_dir, ignore_errors=True)
    return returncode


if __name__ == "__main__":
    raise SystemExit(main())
