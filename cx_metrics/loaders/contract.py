"""The ``raw`` contract the loaders write, and frames conformed to it."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from cx_metrics.loaders.values import loaded_at_column

#: The ``raw`` contract: table -> ordered (column, DuckDB type) pairs.
CONTRACT: dict[str, list[tuple[str, str]]] = {
    "customers": [
        ("customer_id", "VARCHAR"),
        ("segment", "VARCHAR"),
        ("region", "VARCHAR"),
        ("signup_at", "TIMESTAMP"),
        ("churned_at", "TIMESTAMP"),
        ("annual_revenue", "DOUBLE"),
        ("email", "VARCHAR"),
        ("is_incentivized", "BOOLEAN"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "customer_identities": [
        ("platform", "VARCHAR"),
        ("handle", "VARCHAR"),
        ("customer_id", "VARCHAR"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "tickets": [
        ("ticket_id", "VARCHAR"),
        ("customer_id", "VARCHAR"),
        ("channel", "VARCHAR"),
        ("priority", "VARCHAR"),
        ("created_at", "TIMESTAMP"),
        ("subject", "VARCHAR"),
        ("assignee_id", "VARCHAR"),
        ("group_name", "VARCHAR"),
        ("via_social_post_id", "VARCHAR"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "ticket_events": [
        ("event_id", "VARCHAR"),
        ("ticket_id", "VARCHAR"),
        ("event_at", "TIMESTAMP"),
        ("actor_type", "VARCHAR"),
        ("event_type", "VARCHAR"),
        ("is_public", "BOOLEAN"),
        ("status", "VARCHAR"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "survey_invitations": [
        ("invitation_id", "VARCHAR"),
        ("customer_id", "VARCHAR"),
        ("ticket_id", "VARCHAR"),
        ("survey_type", "VARCHAR"),
        ("channel", "VARCHAR"),
        ("sent_at", "TIMESTAMP"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "survey_responses": [
        ("response_id", "VARCHAR"),
        ("invitation_id", "VARCHAR"),
        ("customer_id", "VARCHAR"),
        ("ticket_id", "VARCHAR"),
        ("survey_type", "VARCHAR"),
        ("score", "INTEGER"),
        ("comment", "VARCHAR"),
        ("responded_at", "TIMESTAMP"),
        ("followed_up_at", "TIMESTAMP"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "social_posts": [
        ("post_id", "VARCHAR"),
        ("platform", "VARCHAR"),
        ("brand", "VARCHAR"),
        ("author_handle", "VARCHAR"),
        ("author_is_brand", "BOOLEAN"),
        ("created_at", "TIMESTAMP"),
        ("text", "VARCHAR"),
        ("in_reply_to_post_id", "VARCHAR"),
        ("author_followers", "INTEGER"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "sla_policies": [
        ("priority", "VARCHAR"),
        ("channel", "VARCHAR"),
        ("first_reply_target_minutes", "INTEGER"),
        ("next_reply_target_minutes", "INTEGER"),
        ("resolution_target_minutes", "INTEGER"),
        ("in_business_hours", "BOOLEAN"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "business_hours": [
        ("day_of_week", "INTEGER"),
        ("start_time", "VARCHAR"),
        ("end_time", "VARCHAR"),
        ("timezone", "VARCHAR"),
        ("_loaded_at", "TIMESTAMP"),
    ],
    "holidays": [
        ("holiday_date", "DATE"),
        ("holiday_name", "VARCHAR"),
        ("_loaded_at", "TIMESTAMP"),
    ],
}


def contract_columns(table: str) -> list[str]:
    """The column names of a contract table, in contract order."""
    return [column for column, _ in CONTRACT[table]]


def empty_frame(table: str) -> pd.DataFrame:
    """An empty frame with the contract columns of ``table``."""
    return pd.DataFrame({column: pd.Series([], dtype="object") for column in contract_columns(table)})


def conform(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Contract columns in contract order; absent ones are added as null."""
    columns = contract_columns(table)
    conformed = frame.reset_index(drop=True)
    for column in columns:
        if column not in conformed.columns:
            conformed[column] = None
    return conformed[columns]


def customers_frame(
    customer_ids: pd.Series, positions: pd.Series | np.ndarray, loaded_at: pd.Timestamp | dt.datetime
) -> pd.DataFrame:
    """A ``customers`` frame with only ids (other attributes null)."""
    ids = pd.Series(customer_ids, dtype="object").to_numpy()
    return conform(
        pd.DataFrame(
            {
                "customer_id": ids,
                "_loaded_at": loaded_at_column(loaded_at, positions).to_numpy(),
            },
            index=pd.RangeIndex(len(ids)),
        ),
        "customers",
    )
