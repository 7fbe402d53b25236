"""Project-wide conventions that the engines or the layout depend on, checked on dbt's manifest."""

from __future__ import annotations

import copy
import json
import re
import subprocess

import pytest

from cx_metrics.cli.compare_engines import mart_relations
from cx_metrics.layering import layer_of, layering_violations

from conftest import REPO_ROOT, run_dbt

POSTGRES_IDENTIFIER_LIMIT = 63
TEMPORARY_SUFFIX = len("__dbt_tmp")


@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> dict:
    work_dir = tmp_path_factory.mktemp("parse")
    result = run_dbt(["parse"], work_dir / "parse.duckdb", work_dir)
    assert result.returncode == 0, result.stdout[-3000:]
    return json.loads((work_dir / "target" / "manifest.json").read_text())


def test_names_fit_postgres_identifiers(manifest):
    too_long = [
        node["name"] for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and len(node["name"]) + TEMPORARY_SUFFIX > POSTGRES_IDENTIFIER_LIMIT
    ] + [
        test["name"] for test in manifest.get("unit_tests", {}).values()
        if len(test["name"]) > POSTGRES_IDENTIFIER_LIMIT
    ]
    assert too_long == []


def test_every_model_and_column_is_documented(manifest):
    undocumented = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model" or node["package_name"] != "cx_metrics":
            continue
        if not node["description"].strip():
            undocumented.append(node["name"])
        undocumented += [f"{node['name']}.{name}" for name, column in node["columns"].items()
                         if not column["description"].strip()]
    assert undocumented == []


def test_marts_have_enforced_contracts(manifest):
    missing = [
        node["name"] for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["package_name"] == "cx_metrics"
        and node["original_file_path"].startswith("models/marts/")
        and "/quarantine/" not in node["original_file_path"]
        and not node["config"].get("contract", {}).get("enforced")
    ]
    assert missing == []


def test_engine_comparison_covers_the_service_marts(manifest, tmp_path):
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    compared = set(mart_relations(tmp_path))
    assert {"fct_tickets", "mart_response_time", "mart_resolution", "mart_agent_performance",
            "mart_group_performance", "mart_source_reconciliation"} <= compared
    assert "agents_rejected" not in compared


def test_python_models_are_tagged_python(manifest):
    untagged = [node["name"] for node in manifest["nodes"].values()
                if node["resource_type"] == "model" and node.get("language") == "python"
                and "python" not in node["tags"]]
    assert untagged == []


def test_no_model_uses_current_timestamp():
    # "now" is int_as_of (var cx_as_of): two builds on the same data must be identical.
    offenders = subprocess.run(
        ["grep", "-rliE", "--include=*.sql", "--include=*.py", r"current_timestamp|now\(\)|current_date",
         "models", "python_models"],
        cwd=REPO_ROOT, capture_output=True, text=True,
    ).stdout.split()
    assert offenders == []


def test_models_read_only_earlier_layers(manifest):
    # raw -> validated -> staged -> intermediate -> marts, quarantine as a side branch.
    assert layering_violations(manifest) == []


def _node_id(manifest: dict, name: str) -> str:
    return next(node_id for node_id, node in manifest["nodes"].items() if node["name"] == name)


@pytest.mark.parametrize(("child", "parent", "expected"), [
    # staging feeding validation: the zig-zag the layer rule forbids
    ("base_cx__tickets", "stg_cx__customers", "base_cx__tickets (validated) <- stg_cx__customers (staged)"),
    # a mart reading a validation model (raw text) instead of staging
    ("fct_tickets", "base_cx__tickets", "fct_tickets (marts) <- base_cx__tickets (validated)"),
    # an intermediate model reading a mart
    ("int_ticket_replies_paired", "fct_tickets", "int_ticket_replies_paired (intermediate) <- fct_tickets (marts)"),
    # a mart reading quarantine
    ("mart_advocacy", "tickets_rejected", "mart_advocacy (marts) <- tickets_rejected (quarantine)"),
])
def test_layering_rule_catches_a_back_edge(manifest, child, parent, expected):
    broken = copy.deepcopy(manifest)
    broken["nodes"][_node_id(broken, child)]["depends_on"]["nodes"].append(_node_id(broken, parent))
    assert layering_violations(broken) == [expected]


def test_layering_rule_catches_a_mart_reading_a_source(manifest):
    broken = copy.deepcopy(manifest)
    source_id = next(iter(broken["sources"]))
    broken["nodes"][_node_id(broken, "mart_resolution")]["depends_on"]["nodes"].append(source_id)
    assert layering_violations(broken) == [
        f"mart_resolution (marts) <- {broken['sources'][source_id]['name']} (raw)"
    ]


@pytest.fixture(scope="module")
def fivetran_manifest(tmp_path_factory) -> dict:
    """The manifest with var cx_input_format: fivetran_zendesk (the input models enabled)."""
    work_dir = tmp_path_factory.mktemp("parse_fivetran")
    result = run_dbt(["parse", "--vars", "{cx_input_format: fivetran_zendesk}"], work_dir / "parse.duckdb", work_dir)
    assert result.returncode == 0, result.stdout[-3000:]
    return json.loads((work_dir / "target" / "manifest.json").read_text())


def test_input_models_are_off_by_default(manifest):
    enabled = [node["name"] for node in manifest["nodes"].values()
               if node.get("original_file_path", "").startswith("models/inputs/")]
    assert enabled == []
    assert not any(source["source_name"] == "fivetran_zendesk" for source in manifest["sources"].values())


def test_input_models_sit_between_raw_and_validation(fivetran_manifest):
    inputs = [node for node in fivetran_manifest["nodes"].values()
              if node.get("original_file_path", "").startswith("models/inputs/")
              and node["resource_type"] == "model"]
    assert len(inputs) == 12
    assert {layer_of(node) for node in inputs} == {"input"}
    assert layering_violations(fivetran_manifest) == []
    # the switch: the validation model reads the input model instead of the raw table
    tickets = fivetran_manifest["nodes"][_node_id(fivetran_manifest, "base_cx__tickets")]["depends_on"]["nodes"]
    assert "model.cx_metrics.fivetran_zendesk__tickets" in tickets
    assert "source.cx_metrics.cx.tickets" not in tickets


def test_layering_rule_catches_an_input_model_reading_staging(fivetran_manifest):
    broken = copy.deepcopy(fivetran_manifest)
    broken["nodes"][_node_id(broken, "fivetran_zendesk__tickets")]["depends_on"]["nodes"].append(
        _node_id(broken, "stg_cx__customers"))
    assert layering_violations(broken) == ["fivetran_zendesk__tickets (input) <- stg_cx__customers (staged)"]


def test_an_unknown_input_format_stops_the_parse(tmp_path):
    result = run_dbt(["parse", "--vars", "{cx_input_format: zendesk_csv}"], tmp_path / "parse.duckdb", tmp_path)
    assert result.returncode != 0
    assert "cx_input_format is 'zendesk_csv'" in result.stdout


def test_every_macro_and_metric_is_described(manifest):
    undescribed = [
        macro["name"] for macro in manifest["macros"].values()
        if macro["package_name"] == "cx_metrics" and not macro["description"].strip()
    ] + [
        f"{macro['name']}({argument['name']})" for macro in manifest["macros"].values()
        if macro["package_name"] == "cx_metrics" for argument in macro["arguments"]
        if not argument.get("description", "").strip()
    ] + [
        metric["name"] for metric in manifest["metrics"].values()
        if metric["package_name"] == "cx_metrics" and not metric["description"].strip()
    ]
    assert manifest["metrics"], "the semantic layer defines no metric"
    assert undescribed == []


def test_docs_site_builds_without_the_network(tmp_path):
    # dbt docs generate on a project that is only parsed (no warehouse query); the page it
    # writes loads no script or stylesheet from another host.
    result = run_dbt(["docs", "generate", "--empty-catalog"], tmp_path / "docs.duckdb", tmp_path)
    assert result.returncode == 0, result.stdout[-3000:]
    page = (tmp_path / "target" / "index.html").read_text()
    assert re.findall(r"<(?:script|link)[^>]+(?:src|href)=\"https?://", page) == []
