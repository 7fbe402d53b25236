"""Shared helpers for the pytest suite: paths and running dbt against a throwaway DuckDB file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

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


@pytest.fixture(scope="session")
def demo_database(tmp_path_factory) -> Path:
    """A DuckDB file with the whole project built (`dbt build`) on the demo seeds, once per session."""
    work_dir = tmp_path_factory.mktemp("demo_build")
    database = work_dir / "demo.duckdb"
    result = run_dbt(["build"], database, work_dir)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr
    return database
