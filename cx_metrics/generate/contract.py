"""The raw-table contract the generator writes, its enumerations and time units.

Every value is written as a string exactly as it appears in the CSV contract; the integer codes
below index the enumeration tuples while the data is still numeric.

``TABLE_COLUMNS`` is contract v2 (docs/source_contract.md): the v1 tables with their v1 columns in
their v1 order, the columns v2 adds to them after those (before ``_loaded_at``, which stays
last), then the tables v2 adds. ``V1_TABLE_COLUMNS`` is contract v1 (``contract_version=1``).
"""

from __future__ import annotations

TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "customers": ("customer_id", "segment", "region", "signup_at", "churned_at",
                  "annual_revenue", "email", "is_incentivized", "_loaded_at"),
    "customer_identities": ("platform", "handle", "customer_id", "_loaded_at"),
    "tickets": ("ticket_id", "customer_id", "channel", "priority", "created_at",
                "subject", "assignee_id", "group_name", "via_social_post_id",
                "_loaded_at"),
    "ticket_events": ("event_id", "ticket_id", "event_at", "actor_type",
                      "event_type", "is_public", "status", "actor_id", "assignee_id",
                      "group_name", "_loaded_at"),
    "survey_invitations": ("invitation_id", "customer_id", "ticket_id",
                           "survey_type", "channel", "sent_at", "_loaded_at"),
    "survey_responses": ("response_id", "invitation_id", "customer_id",
                         "ticket_id", "survey_type", "score", "comment",
                         "responded_at", "followed_up_at", "_loaded_at"),
    "social_posts": ("post_id", "platform", "brand", "author_handle",
                     "author_is_brand", "created_at", "text",
                     "in_reply_to_post_id", "author_followers", "_loaded_at"),
    "sla_policies": ("priority", "channel", "first_reply_target_minutes",
                     "next_reply_target_minutes", "resolution_target_minutes",
                     "in_business_hours", "_loaded_at"),
    "business_hours": ("day_of_week", "start_time", "end_time", "timezone",
                       "schedule_id", "_loaded_at"),
    "holidays": ("holiday_date", "holiday_name", "schedule_id", "start_date", "end_date",
                 "name", "_loaded_at"),
    "schedules": ("schedule_id", "name", "timezone", "_loaded_at"),
    "ticket_schedules": ("ticket_id", "schedule_id", "valid_from", "_loaded_at"),
    "agents": ("agent_id", "name", "group_name", "role", "is_active", "_loaded_at"),
    "ticket_sla_policies": ("ticket_id", "policy_id", "applied_at", "_loaded_at"),
    "sla_policy_targets": ("policy_id", "priority", "metric", "target_minutes",
                           "in_business_hours", "_loaded_at"),
}

#: the columns contract v2 adds to v1 tables
V2_COLUMNS: dict[str, tuple[str, ...]] = {
    "ticket_events": ("actor_id", "assignee_id", "group_name"),
    "business_hours": ("schedule_id",),
    "holidays": ("schedule_id", "start_date", "end_date", "name"),
}
#: the tables contract v2 adds
V2_TABLES = ("schedules", "ticket_schedules", "agents", "ticket_sla_policies", "sla_policy_targets")
#: contract v1: the tables and columns before issue 11
V1_TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    name: tuple(column for column in columns if column not in V2_COLUMNS.get(name, ()))
    for name, columns in TABLE_COLUMNS.items() if name not in V2_TABLES
}

SEGMENTS = ("smb", "mid_market", "enterprise")
REGIONS = ("amer", "emea", "apac")
CHANNELS = ("email", "chat", "phone", "web", "social")
PRIORITIES = ("low", "normal", "high", "urgent")
GROUPS = ("billing", "technical", "account", "shipping", "general")
PLATFORMS = ("twitter", "facebook", "instagram")
ACTORS = ("customer", "agent", "system")
EVENT_TYPES = ("comment", "status_change", "assignment")
STATUSES = ("new", "open", "pending", "hold", "solved", "closed")
SURVEY_TYPES = ("nps", "csat", "ces")
SURVEY_CHANNELS = ("email", "web", "in_app", "sms")
AGENT_ROLES = ("agent", "admin", "bot", "system")
SLA_METRICS = ("first_reply", "next_reply", "resolution")

# integer codes: positions in ACTORS, EVENT_TYPES, STATUSES and SURVEY_TYPES
CUSTOMER, AGENT, SYSTEM = 0, 1, 2
COMMENT, STATUS_CHANGE, ASSIGNMENT = 0, 1, 2
NEW, OPEN, PENDING, HOLD, SOLVED, CLOSED = range(6)
NO_STATUS = -1
NPS, CSAT, CES = 0, 1, 2

TS_FORMAT = "%Y-%m-%d %H:%M:%S"
MINUTE = 60
HOUR = 3600
DAY = 86400
