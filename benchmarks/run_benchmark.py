"""Benchmark: build cx-metrics on generated data of given sizes and print where the time goes.

    python benchmarks/run_benchmark.py --tickets 100000 1000000 [--select +fct_tickets] [--keep]

Per size: generates the raw tables as Parquet (scripts/generate_data.py; --raw-dir reuses a
generated folder; --copies N repeats that world N times with suffixed keys, e.g. 10M tickets
from a generated 1M), exposes them as views in schema raw of a fresh DuckDB file and runs, on
them (sources pointed at raw, seeds excluded):
  full build   `dbt build` on an empty database: every model, data test and unit test
  run          `dbt run --full-refresh`: the models alone, from scratch
  tests        `dbt test`: the data and unit tests alone, on the built models
  incremental  in a second database: a full `dbt run` on the rows before a time cut that
               leaves --incremental-share (1 %) of the tickets and their later events,
               answers and posts new ("setup"), then every row and an incremental `dbt run`
               (docs/incremental.md); then how many tickets it rebuilt, and how many of
               those are open
--steps picks some of them (at 10M tickets: --steps run). Each line gives the wall time, the CPU
time (user + system) and the peak memory (resident set) of that dbt process, then the summed
node time per resource type and the ten slowest nodes of the full build (of the run when the
build is not among the steps). --repeat N runs the steps N times, each on a fresh database, and
then prints per step the fastest repetition's line with the median wall time (the node timings
are then the fastest full build's, else run's): on a machine whose speed varies from run to run.
Figures only: nothing is asserted (correctness lives in the tests).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

REPO_ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SLOWEST_NODES = 10


def profile_storage_version(profiles: Path = REPO_ROOT / "profiles.yml") -> str:
    """The DuckDB storage format that the profile gives a database file dbt creates: the default
    of its env_var('CX_DUCKDB_STORAGE_VERSION', ...)."""
    found = re.search(r"env_var\('CX_DUCKDB_STORAGE_VERSION', '([^']+)'\)", profiles.read_text())
    if not found:
        raise SystemExit(f"{profiles}: no env_var('CX_DUCKDB_STORAGE_VERSION', <default>) in the duckdb profile")
    return found.group(1)


# The storage format of the database files created here, the profile's (a file that dbt creates
# gets it from the profile; these are created before dbt runs, to hold the raw views).
STORAGE_VERSION = os.environ.get("CX_DUCKDB_STORAGE_VERSION") or profile_storage_version()
STEPS = ("build", "run", "tests", "incremental")


@dataclass(frozen=True)
class Step:
    """One dbt command's figures: wall seconds, CPU seconds (user + system, every thread of the
    process: steadier than the wall time on a machine whose speed varies), peak resident memory
    (MiB) and exit code."""

    name: str
    seconds: float
    peak_mib: float
    returncode: int
    cpu_seconds: float

    def line(self) -> str:
        status = "" if self.returncode == 0 else f", exit {self.returncode}"
        return (f"{self.name:<30} {self.seconds:8.1f} s   cpu {self.cpu_seconds:7.1f} s   "
                f"peak {self.peak_mib:7,.0f} MiB{status}")


def generate(tickets: int, seed: int, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "scripts/generate_data.py", "--tickets", str(tickets), "--seed", str(seed),
                    "--format", "parquet", "--out", str(out)], cwd=REPO_ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def expose_as_raw(parquet_dir: Path, database: Path, copies: int = 1, schema: str = "raw") -> dict[str, int]:
    """A view <schema>.<table> over each <table>.parquet (repeated_view_sql); the row count of each."""
    counts = {}
    with duckdb.connect(str(database), config={"storage_compatibility_version": STORAGE_VERSION}) as connection:
        connection.execute(f"create schema if not exists {schema}")
        for path in sorted(parquet_dir.glob("*.parquet")):
            described = connection.execute(f"describe select * from read_parquet('{path}')").fetchall()
            columns = [row[0] for row in described]
            connection.execute(repeated_view_sql(path.stem, path, copies, columns, schema))
            counts[path.stem] = connection.execute(f"select count(*) from {schema}.{path.stem}").fetchone()[0]
    return counts


# --copies: the tables of one generated world repeated with suffixed keys (the reference tables -
# schedules, hours, holidays, SLA policies, agents - are shared), and the key columns suffixed.
REPEATED_TABLES = {
    "customers": ["customer_id"],
    "customer_identities": ["handle", "customer_id"],
    "tickets": ["ticket_id", "customer_id", "via_social_post_id"],
    "ticket_events": ["event_id", "ticket_id"],
    "ticket_schedules": ["ticket_id"],
    "ticket_sla_policies": ["ticket_id"],
    "survey_invitations": ["invitation_id", "customer_id", "ticket_id"],
    "survey_responses": ["response_id", "invitation_id", "customer_id", "ticket_id"],
    "social_posts": ["post_id", "author_handle", "in_reply_to_post_id"],
}


def repeated_view_sql(table: str, path: Path, copies: int, columns: list[str], schema: str = "raw") -> str:
    """A view <schema>.<table> holding `copies` copies of the Parquet file, copy n > 0 with '~n'
    appended to each key column of REPEATED_TABLES (copy 0 is the file as generated)."""
    keys = REPEATED_TABLES.get(table, [])
    if copies <= 1 or not keys:
        return f"create or replace view {schema}.{table} as select * from read_parquet('{path}')"
    select_list = ", ".join(
        f"case when copy_number = 0 then {column} else {column} || '~' || cast(copy_number as varchar) end as {column}"
        if column in keys else column for column in columns)
    return (f"create or replace view {schema}.{table} as select {select_list} "
            f"from read_parquet('{path}') cross join range({copies}) as copies(copy_number)")


def dbt_command(command: str, work_dir: Path, select: list[str], extra: list[str] = (),
                threads: int | None = None) -> list[str]:
    """The dbt command line of one step, on the raw schema, writing under work_dir (threads:
    dbt's --threads, models built at a time; None = the profile's 1)."""
    args = [str(BIN / "dbt"), command, "--vars", "{cx_source: raw}", "--exclude", "resource_type:seed",
            "--target-path", str(work_dir / "target"), "--log-path", str(work_dir / "logs"), *extra]
    if threads:
        args += ["--threads", str(threads)]
    if select:
        # Only the tests whose every parent is selected: a test that also reads an unselected
        # model would fail on the missing table.
        args += ["--select", *select, "--indirect-selection", "cautious"]
    return args


def run_step(name: str, args: list[str], database: Path) -> Step:
    """Run one dbt command; its wall time, and its own CPU time and peak resident memory
    (os.wait4)."""
    env = dict(os.environ, CX_DUCKDB_PATH=str(database), DBT_PROFILES_DIR=str(REPO_ROOT))
    start = time.perf_counter()
    with subprocess.Popen(args, cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True) as process:
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        print(output[-4000:], file=sys.stderr)
    return Step(name, seconds, usage.ru_maxrss / 1024, process.returncode, usage.ru_utime + usage.ru_stime)


def node_timings(run_results: dict) -> list[tuple[str, float]]:
    """(resource_type.name, seconds) of every node of a run_results.json."""
    return [(result["unique_id"].split(".", 2)[0] + "." + result["unique_id"].split(".", 2)[-1],
             result["execution_time"]) for result in run_results["results"]]


def seconds_by_type(timings: list[tuple[str, float]]) -> dict[str, float]:
    """Summed node time per resource type (model, test, unit_test, ...)."""
    totals: dict[str, float] = {}
    for name, seconds in timings:
        kind = name.split(".", 1)[0]
        totals[kind] = totals.get(kind, 0.0) + seconds
    return totals


def slowest(timings: list[tuple[str, float]], count: int = SLOWEST_NODES) -> list[tuple[str, float]]:
    return sorted(timings, key=lambda item: -item[1])[:count]


def incremental_steps(parquet_dir: Path, work_dir: Path, args: argparse.Namespace) -> list[Step]:
    """Incremental with new data (docs/incremental.md): a second database sees the rows before a
    time cut that leaves `args.incremental_share` of the tickets new (cx_metrics.incremental) and
    gets a full `dbt run` (setup), then sees every row and gets an incremental `dbt run`."""
    import pandas as pd

    from cx_metrics.incremental import cut_for_share, time_cut_views

    database = work_dir / "incremental.duckdb"
    counts = expose_as_raw(parquet_dir, database, args.copies, schema="raw_all")
    created = pd.read_parquet(parquet_dir / "tickets.parquet", columns=["created_at"])["created_at"]
    cut = cut_for_share(created, args.incremental_share)
    steps = []
    for name, phase_cut in ((f"setup < {cut}", cut), ("incremental", None)):
        with duckdb.connect(str(database)) as connection:
            connection.execute("create schema if not exists raw")
            for table, select in time_cut_views({table: f"raw_all.{table}" for table in counts}, phase_cut).items():
                connection.execute(f"create or replace view raw.{table} as {select}")
        command = dbt_command("run", work_dir / "incremental", args.select, threads=args.threads)
        steps.append(run_step(name, command, database))
    return steps


def tickets_rebuilt(database: Path) -> tuple[int, int, int] | None:
    """What the last run on `database` rebuilt per ticket (docs/incremental.md): the tickets in
    int_tickets_to_rebuild, how many of those are open (not fct_tickets.is_solved: an open ticket
    is rebuilt on every run, its durations running to the build's "now") and every ticket of
    fct_tickets. None without those tables (a --select that leaves them out). The tables are
    found as the dashboard finds models (cx_metrics.dashboard.queries.Warehouse)."""
    from cx_metrics.dashboard.queries import Warehouse, project_schemas

    with duckdb.connect(str(database), read_only=True) as connection:
        warehouse = Warehouse(connection, project_schemas())
        rebuild, tickets = warehouse.relation("int_tickets_to_rebuild"), warehouse.relation("fct_tickets")
        if rebuild is None or tickets is None:
            return None
        return connection.execute(
            f"select count(*), count(*) filter (where not tickets.is_solved), (select count(*) from {tickets}) "
            f"from {rebuild} as rebuild left join {tickets} as tickets on rebuild.ticket_id = tickets.ticket_id"
        ).fetchone()


def rebuilt_line(rebuilt: int, rebuilt_open: int, total: int) -> str:
    """One line on the tickets an incremental run rebuilt (tickets_rebuilt)."""
    share = rebuilt / total if total else 0.0
    return (f"incremental run rebuilt {rebuilt:,} of {total:,} tickets ({share:.1%}), "
            f"{rebuilt_open:,} of them open (rebuilt on every run)")


@dataclass
class Repetition:
    """One pass over the steps of a size: their figures, the run_results.json of the full build
    (else of the run), and what the incremental run rebuilt (tickets_rebuilt)."""

    steps: list[Step]
    timed: tuple[str, dict] | None = None
    rebuilt: tuple[int, int, int] | None = None


def fresh_database(parquet_dir: Path, work_dir: Path, copies: int) -> dict[str, int]:
    """work_dir's database files of an earlier repetition removed, the Parquet files exposed as
    raw views in a new benchmark.duckdb (expose_as_raw); the row count of each table."""
    for stale in (work_dir / "benchmark.duckdb", work_dir / "incremental.duckdb"):
        stale.unlink(missing_ok=True)
        Path(f"{stale}.wal").unlink(missing_ok=True)
    return expose_as_raw(parquet_dir, work_dir / "benchmark.duckdb", copies)


def run_steps(parquet_dir: Path, work_dir: Path, args: argparse.Namespace) -> Repetition:
    """The chosen steps (--steps) once, on the database that fresh_database made."""
    database = work_dir / "benchmark.duckdb"
    done = Repetition([])
    for step, command, extra in (("build", "build", []), ("run", "run", ["--full-refresh"])):
        if step in args.steps:
            name = "full build" if step == "build" else step
            command_line = dbt_command(command, work_dir, args.select, extra, threads=args.threads)
            done.steps.append(run_step(name, command_line, database))
            # read before the next step overwrites run_results.json
            done.timed = done.timed or (name, json.loads((work_dir / "target" / "run_results.json").read_text()))
    if "tests" in args.steps:
        done.steps.append(run_step("tests", dbt_command("test", work_dir, args.select, threads=args.threads), database))
    if "incremental" in args.steps and args.incremental_share > 0:
        done.steps += incremental_steps(parquet_dir, work_dir, args)
        done.rebuilt = tickets_rebuilt(work_dir / "incremental.duckdb")
    return done


def fastest_and_median(repetitions: list[Repetition]) -> list[str]:
    """Per step, over the repetitions: the fastest one's line and the median wall time."""
    lines = []
    for runs in zip(*(repetition.steps for repetition in repetitions), strict=True):
        fastest = min(runs, key=lambda run: run.seconds)
        lines.append(f"{fastest.line()}   median {statistics.median(run.seconds for run in runs):.1f} s")
    return lines


def benchmark_size(tickets: int, args: argparse.Namespace) -> int:
    work_dir = args.work_dir / f"{tickets}"
    shutil.rmtree(work_dir, ignore_errors=True)
    work_dir.mkdir(parents=True)
    if args.raw_dir:
        parquet_dir, generated = args.raw_dir, "reused"
    else:
        parquet_dir = work_dir / "raw"
        generated = f"generated in {generate(tickets, args.seed, parquet_dir):.1f} s"
    if args.copies > 1:
        generated += f", {args.copies} copies"

    repetitions = []
    for number in range(1, args.repeat + 1):
        counts = fresh_database(parquet_dir, work_dir, args.copies)
        if number == 1:
            print(f"\n== {counts.get('tickets', tickets):,} tickets ({generated}): "
                  + ", ".join(f"{table} {rows:,}" for table, rows in counts.items()))
        if args.repeat > 1:
            print(f"-- repetition {number} of {args.repeat}")
        repetitions.append(run_steps(parquet_dir, work_dir, args))
        for step in repetitions[-1].steps:
            print(step.line())
        if repetitions[-1].rebuilt:
            print(rebuilt_line(*repetitions[-1].rebuilt))
    if args.repeat > 1:
        print(f"-- fastest of {args.repeat} (with its CPU time and peak), and the median wall time")
        for line in fastest_and_median(repetitions):
            print(line)
    # The node timings of the fastest full build (else run).
    timed = min((repetition for repetition in repetitions if repetition.timed), default=None,
                key=lambda repetition: repetition.steps[0].seconds)
    if timed:
        name, run_results = timed.timed
        timings = node_timings(run_results)
        print(f"summed node time of the {name} (s): " + ", ".join(
            f"{kind} {seconds:.1f}" for kind, seconds in sorted(seconds_by_type(timings).items())))
        print(f"{SLOWEST_NODES} slowest nodes of the {name} (s):")
        for node, seconds in slowest(timings):
            print(f"  {seconds:8.2f}  {node}")
    if not args.keep:
        shutil.rmtree(work_dir, ignore_errors=True)
    return max(step.returncode for repetition in repetitions for step in repetition.steps)


def main() -> int:
    parser = argparse.ArgumentParser(description="Build cx-metrics on generated data and print timings.")
    parser.add_argument("--tickets", type=int, nargs="+", default=[100_000], help="sizes to benchmark")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--raw-dir", type=Path, help="Parquet folder already generated (one size only)")
    parser.add_argument("--copies", type=int, default=1,
                        help="repeat the generated world this many times (keys suffixed): 10M tickets from 1M")
    parser.add_argument("--select", nargs="*", default=[], help="dbt selection (default: everything)")
    parser.add_argument("--work-dir", type=Path, default=REPO_ROOT / "target" / "benchmark")
    parser.add_argument("--keep", action="store_true", help="keep the generated data and database")
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS),
                        help="steps to run (default: all; at 10M tickets: --steps run)")
    parser.add_argument("--threads", type=int,
                        help="dbt --threads: models built at a time (default: the profile's 1)")
    parser.add_argument("--incremental-share", type=float, default=0.01,
                        help="share of tickets new in the incremental step (0 = skip it)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the steps this many times, each on a fresh database, and print the fastest "
                             "and the median of each (on a machine whose speed varies)")
    args = parser.parse_args()
    if args.raw_dir and len(args.tickets) > 1:
        parser.error("--raw-dir holds one size: give one --tickets")
    if args.repeat < 1:
        parser.error("--repeat: at least 1")
    print(f"cx-metrics benchmark, {time.strftime('%Y-%m-%d %H:%M')} UTC, {os.cpu_count()} cores, DuckDB "
          f"memory_limit {os.environ.get('CX_DUCKDB_MEMORY_LIMIT', '2GB')} (CX_DUCKDB_MEMORY_LIMIT), "
          f"dbt threads {args.threads or 'from the profile'}")
    return max(benchmark_size(tickets, args) for tickets in args.tickets)


if __name__ == "__main__":
    raise SystemExit(main())
