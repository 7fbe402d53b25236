"""Shared helpers for the pytest suite: paths, running dbt against a throwaway DuckDB file, and the
built databases several test modules read (the demo build, the real-data build).

The suite runs in parallel (pytest-xdist, `make pytest`): a built database is made once per run,
by whichever worker asks first, under a file lock in the run's shared temporary folder; the
other workers wait and read the same file. Tests open it read-only, or work on a copy.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from filelock import FileLock

# In a pytest-xdist worker the __main__ module has no __file__; pyspark (which great_expectations
# imports when it is installed, as for the Spark build) takes that for a doctest run and exits.
if os.environ.get("PYTEST_XDIST_WORKER") and not hasattr(sys.modules["__main__"], "__file__"):
    sys.modules["__main__"].__file__ = __file__

# Every DuckDB build of the suite spills at most 8GB to temp files (profiles.yml): a runaway
# query fails the test instead of filling the disk.
os.environ.setdefault("CX_DUCKDB_MAX_TEMP_SIZE", "8GB")

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"
DBT = str(Path(sys.executable).with_name("dbt"))


def run_dbt(args: list[str], database: Path, work_dir: Path) -> subprocess.CompletedProcess:
    """Run a dbt command of this project against the DuckDB file `database`.

    target/ and logs go to `work_dir` so tests never touch the project's own build.
    """
    env = dict(os.environ, CX_DUCKDB_PATH=str(database), CX_TARGET="duckdb", DBT_PROFILES_DIR=str(REPO_ROOT))
    command = [DBT, *args, "--project-dir", str(REPO_ROOT), "--target-path", str(work_dir / "target"),
               "--log-path", str(work_dir / "logs")]
    return subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)


def load_csv_dir_as_raw(csv_dir: Path, database: Path) -> None:
    """Write every CSV of `csv_dir` as an all-text table into schema raw of `database`."""
    with duckdb.connect(str(database)) as connection:
        connection.execute("create schema if not exists raw")
        for csv_path in sorted(csv_dir.glob("*.csv")):
            connection.execute(
                f"create or replace table raw.{csv_path.stem} as "
                "select * from read_csv(?, all_varchar = true, header = true)",
                [str(csv_path)],
            )


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder {SHARED_DATA} is not there")
    return SHARED_DATA


def built_once(tmp_path_factory, name: str, build: Callable[[Path], Path]) -> Path:
    """The database `build(work_dir)` makes, made once per pytest run even across xdist workers."""
    run_dir = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        run_dir = run_dir.parent  # the folder all workers of this run share
    work_dir = run_dir / f"shared_{name}"
    done = work_dir / "built"
    with FileLock(str(run_dir / f"shared_{name}.lock")):
        if not done.exists():
            work_dir.mkdir(exist_ok=True)
            database = build(work_dir)
            done.write_text(str(database))
    return Path(done.read_text())


def copy_database(database: Path, folder: Path) -> Path:
    """A copy of a DuckDB file under `folder`, with the same file name (DuckDB names the catalog
    after the file, and views refer to it)."""
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / database.name
    shutil.copyfile(database, copy)
    return copy


def _build_demo(work_dir: Path) -> Path:
    # `make test` builds the demo before pytest (target/cx.duckdb); CX_TEST_DEMO_DATABASE names
    # that file so the suite reads a copy of it instead of building the same thing again.
    prebuilt = os.environ.get("CX_TEST_DEMO_DATABASE")
    if prebuilt and Path(prebuilt).is_file():
        return copy_database(Path(prebuilt), work_dir)
    database = work_dir / "demo.duckdb"
    result = run_dbt(["build"], database, work_dir)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr
    return database


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> Path:
    """A DuckDB file with the whole project built (`dbt build`) on the demo seeds, once per run.
    Read it read-only; copy it (copy_database) before changing anything."""
    return built_once(tmp_path_factory, "demo", _build_demo)


def _build_real_data(work_dir: Path) -> Path:
    database = work_dir / "real.duckdb"
    load = subprocess.run(
        [sys.executable, "scripts/load_real_data.py", "--twcs", str(SHARED_DATA / "twcs_sample.csv"),
         "--servicenow", str(SHARED_DATA / "incident_event_log.csv.gz"), "--out", str(database)],
        cwd=REPO_ROOT, capture_output=True, text=True,
    )
    assert load.returncode == 0, load.stdout + load.stderr
    build = run_dbt(["build", "--vars", "{cx_source: raw}", "--exclude", "resource_type:seed"], database, work_dir)
    assert build.returncode == 0, build.stdout[-5000:] + build.stderr
    return database


@pytest.fixture(scope="session")
def real_database(tmp_path_factory) -> Path:
    """The Twitter customer-support sample and the ServiceNow incident log loaded by
    scripts/load_real_data.py and the whole project built on them (`dbt build`, sources in schema
    raw), once per run. Read it read-only; copy it (copy_database) before changing anything."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real data folder {SHARED_DATA} is not there")
    return built_once(tmp_path_factory, "real_data", _build_real_data)
