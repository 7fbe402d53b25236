"""The raw-table contract the generator writes, its enumerations and time units.

Every value is written as a string exactly as it appears in the CSV contract; the integer codes
below index the enumeration tuples while the data is still numeric.
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
                      "event_type", "is_public", "status", "_loaded_at"),
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
                       "_loaded_at"),
    "holidays": ("holiday_date", "holiday_name", "_loaded_at"),
}

SEGMENTS = ("smb", "mid_market", "enterprise")
REGIONS = ("amer", "emea", "apac")
CHANNELS = ("email", "chat", "phone", "web", "social")
PRIORITIES = ("low", "normal", "high", "urgent")
GROUPS = ("billing", "technical", "account", "shipping", "general")
PLATFORMS = ("twitter", "facebook", "instagram")
ACTORS = ("customer", "agent", "system")
EVENT_TYPES = ("comment", "status_change")
STATUSES = ("new", "open", "pending", "hold", "solved", "closed")
SURVEY_TYPES = ("nps", "csat", "ces")
SURVEY_CHANNELS = ("email", "web", "in_app", "sms")

# integer codes: positions in ACTORS, EVENT_TYPES, STATUSES and SURVEY_TYPES
CUSTOMER, AGENT, SYSTEM = 0, 1, 2
COMMENT, STATUS_CHANGE = 0, 1
NEW, OPEN, PENDING, HOLD, SOLVED, CLOSED = range(6)
NO_STATUS = -1
NPS, CSAT, CES = 0, 1, 2

TS_FORMAT = "%Y-%m-%d %H:%M:%S"
MINUTE = 60
HOUR = 3600
DAY = 86400
