"""Loaders that turn real public data sets into the cx-metrics ``raw`` contract.

Two formats are supported:

* **Twitter customer support** (Kaggle "Customer Support on Twitter", ``twcs.csv``)
  -> ``social_posts``, ``customer_identities``, ``customers``.
* **ServiceNow incident event log** (UCI data set 498, ``incident_event_log.csv``)
  -> ``tickets``, ``ticket_events``, ``customers``.

:func:`write_duckdb` then writes all ten contract tables (see :data:`CONTRACT`) into
schema ``raw`` of a DuckDB file; tables that no input provides are written empty.

Everything here is vectorised pandas; all functions except :func:`write_duckdb`
are pure (no I/O beyond reading the given file / buffer).

Modules: ``twitter`` (the Twitter CSV and its brand attribution rules), ``servicenow``
(the incident log and its mapping), ``contract`` (:data:`CONTRACT`, conformed frames),
``values`` (value rules shared by both formats), ``writing`` (merging sources, DuckDB).

General rules
-------------
* Every raw row is kept; the loader never drops or repairs records. Values that
  break business rules (unknown statuses, timestamps out of order, orphan reply
  parents, ...) are passed through so the dbt project can quarantine them.
* Missing values become null (``''`` in the Twitter CSV, ``'?'`` in ServiceNow).
* Timestamps are UTC, naive. Twitter's ``+0000`` offsets are converted to UTC;
  ServiceNow's ``d/m/yyyy HH:MM`` (unpadded day/month) is taken as UTC.
* ``_loaded_at`` = one fixed load timestamp per run + the source row's 0-based
  position in its file, in microseconds, so it records file order. For rows that
  are derived from several source rows (a customer, a ticket) the position of the
  source row the values were taken from is used (first appearance of a customer,
  last log row of a ticket).
"""

from cx_metrics.loaders.contract import CONTRACT, conform, customers_frame, empty_frame
from cx_metrics.loaders.servicenow import (
    SERVICENOW_CHANNEL_MAP,
    SERVICENOW_PRIORITY_MAP,
    SERVICENOW_STATUS_MAP,
    SERVICENOW_TIMESTAMP_FORMAT,
    parse_servicenow,
    parse_servicenow_timestamp,
    read_servicenow,
    servicenow_to_frames,
)
from cx_metrics.loaders.twitter import (
    TWCS_COLUMNS,
    TWCS_TIMESTAMP_FORMAT,
    attribute_brands,
    parse_twcs,
    parse_twitter_timestamp,
    read_twcs,
    twcs_to_frames,
)
from cx_metrics.loaders.values import (
    PathOrBuffer,
    default_loaded_at,
    float_id_to_str,
    loaded_at_column,
    map_with_fallback,
    null_if_missing,
)
from cx_metrics.loaders.writing import merge_frames, write_duckdb

__all__ = [
    "CONTRACT", "conform", "customers_frame", "empty_frame",
    "SERVICENOW_CHANNEL_MAP", "SERVICENOW_PRIORITY_MAP", "SERVICENOW_STATUS_MAP", "SERVICENOW_TIMESTAMP_FORMAT",
    "parse_servicenow", "parse_servicenow_timestamp", "read_servicenow", "servicenow_to_frames",
    "TWCS_COLUMNS", "TWCS_TIMESTAMP_FORMAT", "attribute_brands", "parse_twcs", "parse_twitter_timestamp",
    "read_twcs", "twcs_to_frames",
    "PathOrBuffer", "default_loaded_at", "float_id_to_str", "loaded_at_column", "map_with_fallback",
    "null_if_missing",
    "merge_frames", "write_duckdb",
]
