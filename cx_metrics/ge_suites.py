"""Great Expectations suites over the built cx-metrics marts (the pandas route).

GE 1.x has no DuckDB SQL dialect, so each mart is read with duckdb into a pandas DataFrame and
validated in an ephemeral GE context (pandas datasource, whole-dataframe batch), one checkpoint
per mart, whose UpdateDataDocsAction writes GE Data Docs HTML.

Suites are data: one JSON file per mart under great_expectations/expectations/ (see its
README). To each suite the column set and the column types of the mart's dbt contract
(`data_type` in models/marts/**/_*.yml) are added, so the suite cannot drift from the contract.
A mart that is not built is skipped with a note when its file says "required": false, and is a
failure otherwise.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")

REPO_ROOT = Path(__file__).resolve().parents[1]
SUITES_DIR = REPO_ROOT / "great_expectations" / "expectations"
MODELS_DIR = REPO_ROOT / "models"
DEFAULT_DOCS_DIR = REPO_ROOT / "target" / "great_expectations" / "data_docs"

# pandas dtypes each contract type may arrive as from duckdb's .df() (text is normalised to
# object first; decimals arrive as float64; a column with nulls uses the nullable dtypes).
PANDAS_DTYPES: dict[str, list[str]] = {
    "text": ["str"],
    "timestamp": ["datetime64[us]", "datetime64[ns]"],
    "date": ["datetime64[us]", "datetime64[ns]"],
    "decimal": ["float64"],
    "integer": ["int64", "int32", "int16", "Int64Dtype", "Int32Dtype", "Int16Dtype"],
    "boolean": ["bool", "BooleanDtype"],
}


@dataclass
class SuiteSpec:
    """One mart's suite as read from its JSON file."""

    mart: str
    expectations: list[dict[str, Any]]
    required: bool = True
    description: str = ""
    path: Path | None = None


@dataclass
class Failure:
    """A failed expectation: which mart, column and rule, and what was observed."""

    mart: str
    column: str | None
    expectation: str
    details: str

    def __str__(self) -> str:
        where = f"{self.mart}.{self.column}" if self.column else self.mart
        return f"FAILED {where}: {self.expectation} ({self.details})"


@dataclass
class MartOutcome:
    mart: str
    status: str  # passed, failed, skipped
    expectations: int = 0
    failures: list[Failure] = field(default_factory=list)
    note: str = ""


def load_specs(directory: Path = SUITES_DIR) -> list[SuiteSpec]:
    """Every *.json suite of `directory`, sorted by file name."""
    specs = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text())
        specs.append(SuiteSpec(mart=data["mart"], expectations=list(data.get("expectations", [])),
                               required=bool(data.get("required", True)),
                               description=data.get("description", ""), path=path))
    return specs


def contract_type(data_type: str) -> str | None:
    """The kind of a dbt contract data_type (jinja text types included); None if unknown."""
    text = data_type.lower()
    if "'text'" in text or "'string'" in text or text in ("text", "string", "varchar"):
        return "text"
    for prefix, kind in (("timestamp", "timestamp"), ("date", "date"), ("decimal", "decimal"),
                         ("numeric", "decimal"), ("bigint", "integer"), ("int", "integer"),
                         ("bool", "boolean")):
        if text.startswith(prefix):
            return kind
    return None


@functools.lru_cache(maxsize=8)
def _model_properties(models_dir: Path) -> dict[str, dict[str, Any]]:
    """Every model's YAML properties under `models_dir`, by model name (read once)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    models: dict[str, dict[str, Any]] = {}
    for path in sorted(models_dir.rglob("_*.yml")):
        document = yaml.load(path.read_text(), Loader=loader) or {}  # noqa: S506 (safe loader)
        for model in document.get("models") or []:
            models.setdefault(model.get("name"), model)
    return models


def contract_columns(mart: str, models_dir: Path = MODELS_DIR) -> dict[str, str | None] | None:
    """{column: kind} of the mart's dbt contract, None when the mart has no contract."""
    model = _model_properties(Path(models_dir)).get(mart)
    if model is None:
        return None
    columns = model.get("columns") or []
    if not columns or not all("data_type" in column for column in columns):
        return None
    return {column["name"]: contract_type(str(column["data_type"])) for column in columns}


def expectations_for(spec: SuiteSpec, contract: Mapping[str, str | None] | None) -> list[dict[str, Any]]:
    """The suite's own expectations plus, when the mart has a contract, its column set and types."""
    generated: list[dict[str, Any]] = []
    if contract:
        generated.append({"type": "expect_table_columns_to_match_set",
                          "kwargs": {"column_set": list(contract), "exact_match": True}})
        for column, kind in contract.items():
            if kind in PANDAS_DTYPES:
                generated.append({"type": "expect_column_values_to_be_in_type_list",
                                  "kwargs": {"column": column, "type_list": PANDAS_DTYPES[kind]}})
    return generated + spec.expectations


def normalise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as object dtype (pandas 3 reads them as 'str', which GE's type check does
    not know), everything else as duckdb delivers it."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column].dtype) and frame[column].dtype != object:
            frame[column] = frame[column].astype(object)
    return frame


class Validator:
    """An ephemeral GE context with one pandas datasource and, optionally, a Data Docs site."""

    def __init__(self, docs_dir: Path | None = None) -> None:
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

        self.gx = gx
        self.context = gx.get_context(mode="ephemeral")
        self.context.variables.progress_bars = ProgressBarsConfig(globally=False)
        self.docs_dir = docs_dir
        if docs_dir is not None:
            self.context.add_data_docs_site(site_name="cx_metrics", site_config={
                "class_name": "SiteBuilder",
                "store_backend": {"class_name": "TupleFilesystemStoreBackend",
                                  "base_directory": str(Path(docs_dir).resolve())},
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            })
        self.datasource = self.context.data_sources.add_pandas("cx_marts")

    def validate(self, mart: str, frame: pd.DataFrame, expectations: Iterable[dict[str, Any]],
                 name: str | None = None) -> MartOutcome:
        """Validate `frame` as `mart`; `name` (default the mart) names the GE objects, so one
        context can validate the same mart several times."""
        from great_expectations.expectations.expectation_configuration import ExpectationConfiguration

        gx = self.gx
        name = name or mart
        suite = self.context.suites.add(gx.ExpectationSuite(name=name, expectations=[
            ExpectationConfiguration(type=expectation["type"], kwargs=expectation["kwargs"]).to_domain_obj()
            for expectation in expectations
        ]))
        batch_definition = self.datasource.add_dataframe_asset(name).add_batch_definition_whole_dataframe(name)
        validation = self.context.validation_definitions.add(
            gx.ValidationDefinition(name=name, data=batch_definition, suite=suite))
        # Data Docs are built once at the end (docs_index), not per checkpoint: each build renders all
        checkpoint = self.context.checkpoints.add(gx.Checkpoint(
            name=name, validation_definitions=[validation], actions=[],
            result_format={"result_format": "SUMMARY"}))
        run = checkpoint.run(batch_parameters={"dataframe": normalise_frame(frame)})
        failures = []
        for validation_result in run.run_results.values():
            for result in validation_result.results:
                if result.success:
                    continue
                config = result.expectation_config
                failures.append(Failure(mart=mart, column=config.kwargs.get("column"), expectation=config.type,
                                        details=_describe(result.result, result.exception_info)))
        return MartOutcome(mart=mart, status="failed" if failures else "passed",
                           expectations=len(suite.expectations), failures=failures)

    def docs_index(self) -> Path | None:
        """Build the Data Docs site (suites and every validation run so far); its index.html."""
        if self.docs_dir is None:
            return None
        self.context.build_data_docs(site_names=["cx_metrics"])
        return Path(self.docs_dir) / "index.html"


def _describe(result: Mapping[str, Any], exception_info: Any) -> str:
    parts = []
    if result.get("observed_value") is not None:
        parts.append(f"observed {result['observed_value']!r}")
    if result.get("unexpected_count"):
        share = result.get("unexpected_percent")
        parts.append(f"{result['unexpected_count']} unexpected"
                     + (f" ({share:.2f} %)" if isinstance(share, (int, float)) else ""))
    if result.get("partial_unexpected_list"):
        parts.append(f"e.g. {list(result['partial_unexpected_list'])[:5]!r}")
    if not parts and exception_info:
        info = exception_info if isinstance(exception_info, dict) else {}
        message = info.get("exception_message") or next(
            (value.get("exception_message") for value in info.values() if isinstance(value, dict)), None)
        if message:
            parts.append(f"error: {message}")
    return "; ".join(parts) or "no detail"


def run_suites(database: Path, schema: str = "main_marts", suites_dir: Path = SUITES_DIR,
               docs_dir: Path | None = DEFAULT_DOCS_DIR, models_dir: Path = MODELS_DIR,
               ) -> tuple[list[MartOutcome], Path | None]:
    """Validate every mart that has a suite; return the outcome per mart and the Data Docs index."""
    import duckdb

    specs = load_specs(suites_dir)
    outcomes: list[MartOutcome] = []
    validator = Validator(docs_dir)
    with duckdb.connect(str(database), read_only=True) as connection:
        built = {name for (name,) in connection.execute(
            "select table_name from information_schema.tables where table_schema = ?", [schema]).fetchall()}
        for spec in specs:
            if spec.mart not in built:
                if spec.required:
                    outcomes.append(MartOutcome(spec.mart, "failed", failures=[Failure(
                        spec.mart, None, "mart exists", f"{schema}.{spec.mart} is not built")]))
                else:
                    outcomes.append(MartOutcome(spec.mart, "skipped", note=f"{schema}.{spec.mart} is not built yet"))
                continue
            frame = connection.execute(f'select * from "{schema}"."{spec.mart}"').df()
            outcome = validator.validate(spec.mart, frame,
                                         expectations_for(spec, contract_columns(spec.mart, models_dir)))
            outcomes.append(outcome)
        without_suite = sorted(built - {spec.mart for spec in specs})
    for mart in without_suite:
        outcomes.append(MartOutcome(mart, "skipped", note="no suite (add great_expectations/expectations/"
                                    f"{mart}.json)"))
    return outcomes, validator.docs_index()
