"""The project's layering rule, checked on dbt's manifest: raw → (input →) validated → staged → intermediate → marts.

Every model belongs to one layer (by its name or folder). A model may read only the layers listed
for it in ALLOWED_PARENT_LAYERS, so no edge runs back: staging never feeds validation, marts never
read raw tables or validation models, and nothing but the quarantine layer reads quarantine models.
"""

from __future__ import annotations

from typing import Any

ALLOWED_PARENT_LAYERS: dict[str, frozenset[str]] = {
    # models/inputs/<format>/: another schema (Fivetran's Zendesk tables) read into the source
    # contract, one model per raw table; only with var cx_input_format. Read raw tables and
    # reference seeds only.
    "input": frozenset({"raw", "seed"}),
    # base_cx__<table>: one row per raw row with the first data rule it breaks. Orphan checks read
    # other validation models (their rows that break no rule), never staging.
    # With var cx_input_format they read the input models instead of the raw tables.
    "validated": frozenset({"raw", "seed", "input", "validated"}),
    # stg_cx__<table>: the rows that break no rule, typed.
    "staged": frozenset({"validated"}),
    "intermediate": frozenset({"seed", "staged", "intermediate"}),
    "marts": frozenset({"seed", "staged", "intermediate", "marts"}),
    # <table>_rejected and the quarantine counts: a side branch that no other layer reads.
    "quarantine": frozenset({"validated", "staged", "intermediate", "quarantine"}),
}


def layer_of(node: dict[str, Any]) -> str:
    """The layer of one manifest node (model, source or seed); 'unknown' when it fits none."""
    resource_type = node["resource_type"]
    if resource_type == "source":
        return "raw"
    if resource_type == "seed":
        return "seed"
    name = node["name"]
    path = node.get("original_file_path", "")
    if path.startswith("models/quarantine/"):
        return "quarantine"
    if path.startswith("models/inputs/"):
        return "input"
    if name.startswith("base_cx__"):
        return "validated"
    if name.startswith("stg_cx__"):
        return "staged"
    if name.startswith("int_"):
        return "intermediate"
    if path.startswith(("models/marts/", "python_models/marts/")):
        return "marts"
    return "unknown"


def layering_violations(manifest: dict[str, Any], package_name: str = "cx_metrics") -> list[str]:
    """Every edge of the package's models that breaks the layering rule, as 'child (layer) <- parent (layer)'."""
    nodes = {**manifest["nodes"], **manifest.get("sources", {})}
    violations = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model" or node["package_name"] != package_name:
            continue
        child_layer = layer_of(node)
        allowed = ALLOWED_PARENT_LAYERS.get(child_layer, frozenset())
        for parent_id in node["depends_on"]["nodes"]:
            parent = nodes.get(parent_id)
            if parent is None:
                continue
            parent_layer = layer_of(parent)
            if parent_layer not in allowed:
                violations.append(f"{node['name']} ({child_layer}) <- {parent['name']} ({parent_layer})")
    return sorted(violations)
