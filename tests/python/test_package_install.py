"""cx-metrics installed as a package (integration_tests/, `packages: - local: ../`) builds on
the demo data loaded as the user's own raw tables and gives the same marts as the standalone
project."""

from __future__ import annotations

import os
import shutil
import subprocess

import duckdb
import pytest

from conftest import DBT, REPO_ROOT

INTEGRATION = REPO_ROOT / "integration_tests"


def run_integration_dbt(args: list[str], database, work_dir) -> None:
    env = dict(os.environ, CX_DUCKDB_PATH=str(database), DBT_PROFILES_DIR=str(INTEGRATION))
    command = [DBT, *args, "--project-dir", str(work_dir / "project")]
    result = subprocess.run(command, cwd=work_dir / "project", env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr


@pytest.fixture(scope="module")
def package_build(tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("package")
    project = work_dir / "project"
    # A copy of integration_tests/ whose package path points back at this repository, with a
    # copy of the demo seeds as its raw data (a seed path outside the project is written over
    # by dbt's compiled output, so the seeds are copied, never pointed at).
    shutil.copytree(INTEGRATION, project,
                    ignore=shutil.ignore_patterns("target", "dbt_packages", "logs", "demo_seeds"))
    shutil.copytree(REPO_ROOT / "seeds", project / "demo_seeds", ignore=shutil.ignore_patterns("*.json"))
    (project / "packages.yml").write_text(f"packages:\n  - local: {REPO_ROOT}\n")
    database = work_dir / "package.duckdb"
    run_integration_dbt(["deps"], database, work_dir)
    run_integration_dbt(["seed"], database, work_dir)
    run_integration_dbt(["build", "--exclude", "resource_type:seed"], database, work_dir)
    return database


def mart_row_counts(database) -> dict[str, int]:
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = [name for (name,) in connection.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'main_marts' and table_type = 'BASE TABLE'"
        ).fetchall()]
        return {table: connection.execute(f'select count(*) from main_marts."{table}"').fetchone()[0]
                for table in tables}


def test_package_build_has_every_mart_of_the_standalone_build(package_build, demo_database):
    standalone = mart_row_counts(demo_database)
    package = mart_row_counts(package_build)
    assert standalone and package == standalone


def test_package_does_not_load_its_own_demo_seeds(package_build):
    with duckdb.connect(str(package_build), read_only=True) as connection:
        seeds_elsewhere = connection.execute(
            "select count(*) from information_schema.tables where table_name = 'tickets'"
        ).fetchone()[0]
    assert seeds_elsewhere == 1  # only the user's own raw table
