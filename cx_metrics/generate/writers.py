"""Writing a generated data set: one CSV or Parquet file per table plus generator_params.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    from cx_metrics.generate.pipeline import GeneratedData

FORMATS = ("csv", "parquet")


def write_csv(table: pa.Table, path: Path) -> None:
    """Standard CSV: header, comma, minimal quoting, null = empty field, '\\n' line ends."""
    frame = table.to_pandas()
    frame.to_csv(path, index=False, na_rep="", lineterminator="\n")


def write_parquet(table: pa.Table, path: Path) -> None:
    """Parquet (zstd) with the same string columns as the CSV."""
    import pyarrow.parquet as pq

    pq.write_table(table, path, compression="zstd")


def write_output(data: GeneratedData, out_dir: str | Path, fmt: str = "csv") -> list[Path]:
    """Write <out>/<table>.csv|parquet for every table and <out>/generator_params.json."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    write_table = write_csv if fmt == "csv" else write_parquet
    written: list[Path] = []
    for name, table in data.tables.items():
        path = out / f"{name}.{fmt}"
        write_table(table, path)
        written.append(path)
    params_path = out / "generator_params.json"
    params_path.write_text(json.dumps(data.metadata, indent=2, sort_keys=False) + "\n")
    written.append(params_path)
    return written
