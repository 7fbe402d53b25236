"""cx-metrics installed as a package (integration_tests/, `packages: - local: ../`), configured
exactly as the README's snippet says, builds green on the demo data loaded as the user's own raw
tables and gives the same marts as the standalone project."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import duckdb
import pytest
import yaml

from conftest import DBT, REPO_ROOT

INTEGRATION = REPO_ROOT / "integration_tests"


def run_integration_dbt(args: list[str], database, work_dir) -> subprocess.CompletedProcess:
    env = dict(os.environ, CX_DUCKDB_PATH=str(database), DBT_PROFILES_DIR=str(INTEGRATION),
               CX_PII_HASH_KEY="integration-test-key")
    command = [DBT, *args, "--project-dir", str(work_dir / "project")]
    result = subprocess.run(command, cwd=work_dir / "project", env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr
    return result


def readme_package_snippet() -> tuple[dict, dict]:
    """The packages.yml and dbt_project.yml parts of the README's package snippet."""
    readme = (REPO_ROOT / "README.md").read_text()
    section = readme[readme.index("As a package in your own dbt project"):]
    snippet = re.search(r"```yaml\n(.*?)```", section, re.DOTALL).group(1)
    packages_part, project_part = snippet.split("# dbt_project.yml")
    return yaml.safe_load(packages_part), yaml.safe_load(project_part)


@pytest.fixture(scope="module")
def package_build(tmp_path_factory):
    work_dir = tmp_path_factory.mktemp("package")
    project = work_dir / "project"
    # A copy of integration_tests/ whose package path points back at this repository, with a
    # copy of the demo seeds (the CSV files of seeds/, not its reference/ folder nor its YAML) as
    # its raw data (a seed path outside the project is written over by dbt's compiled output,
    # so the seeds are copied, never pointed at).
    shutil.copytree(INTEGRATION, project,
                    ignore=shutil.ignore_patterns("target", "dbt_packages", "logs", "demo_seeds"))
    (project / "demo_seeds").mkdir()
    for csv_path in (REPO_ROOT / "seeds").glob("*.csv"):
        shutil.copy(csv_path, project / "demo_seeds" / csv_path.name)
    (project / "packages.yml").write_text(f"packages:\n  - local: {REPO_ROOT}\n")
    database = work_dir / "package.duckdb"
    run_integration_dbt(["deps"], database, work_dir)
    seeds = run_integration_dbt(["--quiet", "ls", "--resource-type", "seed"], database, work_dir)
    run_integration_dbt(["seed"], database, work_dir)
    build = run_integration_dbt(["build", "--exclude", "resource_type:seed"], database, work_dir)
    return database, seeds.stdout, build.stdout


def mart_row_counts(database) -> dict[str, int]:
    with duckdb.connect(str(database), read_only=True) as connection:
        tables = [name for (name,) in connection.execute(
            "select table_name from information_schema.tables "
            "where table_schema = 'main_marts' and table_type = 'BASE TABLE'"
        ).fetchall()]
        return {table: connection.execute(f'select count(*) from main_marts."{table}"').fetchone()[0]
                for table in tables}


def test_integration_project_uses_exactly_the_readme_snippet():
    packages, project = readme_package_snippet()
    assert [list(package) for package in packages["packages"]] == [["local"]]
    integration = yaml.safe_load((INTEGRATION / "dbt_project.yml").read_text())
    assert yaml.safe_load((INTEGRATION / "packages.yml").read_text()) == {"packages": [{"local": "../"}]}
    # The same vars (the raw schema's name is the user's), and no other package configuration:
    # no seeds or models block for cx_metrics.
    assert set(integration["vars"]) == set(project["vars"])
    assert {key: value for key, value in integration["vars"].items() if key != "cx_source"} == {
        key: value for key, value in project["vars"].items() if key != "cx_source"}
    assert set(project) == {"vars"}
    assert "cx_metrics" not in integration.get("seeds", {}) and "cx_metrics" not in integration.get("models", {})


def test_the_one_var_switches_the_demo_seeds_off(package_build):
    _, seeds, _ = package_build
    listed = {line.strip() for line in seeds.splitlines() if line.strip()}
    # The user's own raw seeds, and of the package's only its reference seed.
    assert {name for name in listed if name.startswith("cx_metrics.")} == {"cx_metrics.reference.topic_taxonomy"}
    assert "cx_metrics_integration_tests.tickets" in listed


def test_package_build_has_every_mart_of_the_standalone_build(package_build, demo_database):
    standalone = mart_row_counts(demo_database)
    package = mart_row_counts(package_build[0])
    assert standalone and package == standalone


def test_package_does_not_load_its_own_demo_seeds(package_build):
    with duckdb.connect(str(package_build[0]), read_only=True) as connection:
        seeds_elsewhere = connection.execute(
            "select count(*) from information_schema.tables where table_name = 'tickets'"
        ).fetchone()[0]
        taxonomy = connection.execute(
            "select count(*) from information_schema.tables where table_name = 'topic_taxonomy'"
        ).fetchone()[0]
    assert seeds_elsewhere == 1  # only the user's own raw table
    assert taxonomy == 1  # the package's reference seed, which fct_feedback_sentiment reads


def test_package_build_reads_the_reference_taxonomy_and_hashes_with_the_key(package_build):
    _, _, build = package_build
    assert "topic_taxonomy table not loaded" not in build
    assert "cx-metrics privacy" not in build  # CX_PII_HASH_KEY was set

