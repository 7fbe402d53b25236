"""``cx-metrics compare-engines``: assert that every SQL mart is identical on each engine."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

SUMMARY = "check that DuckDB, PostgreSQL and Spark built identical marts"
DESCRIPTION = """Assert that every SQL mart is identical on DuckDB, PostgreSQL and Spark.

Run after building the project on each engine, each with its own dbt target path:
    cx-metrics compare-engines --engine duckdb=target --engine postgres=target/postgres \\
        --engine spark=target/spark-dbt
Each target path holds that build's manifest.json, which names the mart tables. DuckDB is read
from $CX_DUCKDB_PATH (default target/cx.duckdb), PostgreSQL with the CX_PG_* variables, and
Spark from the parquet files under $CX_SPARK_DIR/warehouse (default target/spark).
Numbers are compared with a relative tolerance of 1e-9, timestamps to the second.
Exit code 1 and one line per difference when an engine disagrees with the first one."""

Relations = dict[str, tuple[str, str]]


def _is_compared(path: str, name: str) -> bool:
    """The marts, and the quarantine layer's counts (mart_quarantine_summary,
    mart_source_reconciliation); not the <table>_rejected models, which keep raw values as text,
    rendered by each engine's own number format."""
    return path.startswith("models/marts/") or (path.startswith("models/quarantine/") and name.startswith("mart_"))


def mart_relations(target_path: Path) -> Relations:
    """{model name: (schema, table)} of every SQL mart materialised as a table in a build,
    leaving out models tagged python (Python models and the SQL built on them run on DuckDB
    only, so there is nothing to compare them with)."""
    manifest = json.loads((target_path / "manifest.json").read_text())
    relations = {}
    for node in manifest["nodes"].values():
        if (
            node["resource_type"] == "model"
            and node["package_name"] == "cx_metrics"
            and _is_compared(node["original_file_path"], node["name"])
            and node.get("language", "sql") == "sql"
            and "python" not in node["tags"]  # built from Python models: DuckDB only
            and node["config"]["materialized"] in ("table", "incremental")
            and node["config"].get("enabled", True)
        ):
            relations[node["name"]] = (node["schema"], node["alias"])
    return relations


def read_duckdb(relations: Relations) -> dict[str, pd.DataFrame]:
    import duckdb

    path = os.environ.get("CX_DUCKDB_PATH", "target/cx.duckdb")
    with duckdb.connect(path, read_only=True) as connection:
        return {name: connection.execute(f'select * from "{schema}"."{table}"').df()
                for name, (schema, table) in relations.items()}


def read_postgres(relations: Relations) -> dict[str, pd.DataFrame]:
    import pandas as pd
    import psycopg2

    connection = psycopg2.connect(
        host=os.environ.get("CX_PG_HOST", "127.0.0.1"), port=int(os.environ.get("CX_PG_PORT", "5432")),
        user=os.environ.get("CX_PG_USER", "cx_dbt"), password=os.environ.get("CX_PG_PASSWORD", ""),
        dbname=os.environ.get("CX_PG_DATABASE", "cx"),
    )
    frames = {}
    try:
        with connection.cursor() as cursor:
            for name, (schema, table) in relations.items():
                cursor.execute(f'select * from "{schema}"."{table}"')
                columns = [column.name for column in cursor.description]
                frames[name] = pd.DataFrame(cursor.fetchall(), columns=columns)
    finally:
        connection.close()
    return frames


def read_spark(relations: Relations) -> dict[str, pd.DataFrame]:
    import duckdb
    import pandas as pd

    warehouse = Path(os.environ.get("CX_SPARK_DIR", "target/spark")) / "warehouse"
    frames = {}
    with duckdb.connect() as connection:
        connection.execute("set TimeZone = 'UTC'")
        for name, (schema, table) in relations.items():
            folder = warehouse / f"{schema}.db" / table
            files = sorted(str(path) for path in folder.glob("*.parquet"))
            if files:
                frames[name] = connection.execute("select * from read_parquet(?)", [files]).df()
            elif folder.is_dir():  # an empty table is a folder without data files
                frames[name] = pd.DataFrame()
    return frames


READERS = {"duckdb": read_duckdb, "postgres": read_postgres, "spark": read_spark}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", action="append", required=True, metavar="ENGINE=TARGET_PATH",
                        help="an engine (duckdb, postgres, spark) and the dbt target path of its build")


def run(args: argparse.Namespace) -> int:
    from cx_metrics.engine_compare import compare_engines

    engines = dict(item.split("=", 1) for item in args.engine)
    frames, marts = {}, None
    for engine, target_path in engines.items():
        relations = mart_relations(Path(target_path))
        marts = marts or sorted(relations)
        frames[engine] = READERS[engine](relations)
        print(f"{engine}: read {len(frames[engine])} marts")
    reference = next(iter(engines))
    differences = compare_engines(marts, frames, reference)
    for difference in differences:
        print(f"DIFFERENT {difference}")
    compared = ", ".join(name for name in engines if name != reference)
    print(f"{len(marts)} marts compared between {reference} and {compared}: "
          f"{'identical' if not differences else f'{len(differences)} differences'}")
    return 1 if differences else 0
