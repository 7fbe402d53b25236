"""Deterministic synthetic demo data for cx-metrics.

The generator writes the fifteen raw tables of contract v2 (see ``TABLE_COLUMNS``) that look
like a help-desk export (customers, tickets, ticket events, SLA policies, schedules with their
business hours and holidays, ticket schedules, agents, per-ticket SLA policies and their
targets), a survey tool export (invitations, responses) and a social listening export (posts,
customer identities). ``GeneratorParams(contract_version=1)`` writes the ten tables of contract
v1 instead, byte-identical to the generator before v2.  Every value is written as a
string exactly as it appears in the CSV contract (timestamps UTC
``YYYY-MM-DD HH:MM:SS``, booleans ``true``/``false``, null = empty field);
Parquet output carries the same strings (all columns utf8) so the raw layer is
identical whichever format is loaded.

All parameters live in :class:`GeneratorParams` (``parameters.py``); they are dumped, together
with the seed, the row counts, the planted effects and the planted bad rows,
to ``generator_params.json``.  The data window is fixed by the parameters
(default 2025-11-01 .. 2026-10-31 UTC), never by the wall clock, so the same
seed always gives byte-identical output.

Planted effects (causal direction: ticket/social experience -> outcome)
-----------------------------------------------------------------------
1. SLA breach -> churn (``sla_breach_churn_odds_ratio`` = 2.0).
   A ticket is *eligible* when its first comment was written by the customer
   (agent-created / outbound tickets are excluded).  Its first reply is the
   earliest *public* agent comment (internal notes do not count).  It is
   *breached* when (first_reply_at - created_at), in CALENDAR minutes
   (epoch-second difference / 60, no business-hours arithmetic), is greater
   than ``sla_policies.first_reply_target_minutes`` for the ticket's
   (priority, channel); a ticket with no public agent reply is breached when
   created_at + target is before the end of the data window.  A customer is
   breached when at least one eligible ticket is breached.  Churn is drawn
   from logit(p) = churn_base_logit + ln(2.0)*breached
   + ln(unanswered_social_churn_odds_ratio)*has_unanswered_social
   + churn_segment_logit[segment]; churned_at lies after the customer's last
   interaction (ticket events, social posts, ticket-survey invitations and
   responses) and inside the window.  A plain 2x2 table (breached x churned) over customers
   with at least one eligible ticket recovers an odds ratio close to 2.
2. Unanswered social post -> fewer NPS promoters.  For every NPS response
   take the respondent's most recent social conversation (root post, linked
   through customer_identities on (platform, handle)) whose root post was
   created before responded_at.  If that conversation has at least one brand
   post, P(score 9-10) = ``promoter_share_after_answered_social`` (0.71); if
   it has none, ``promoter_share_after_unanswered_social`` (0.19); with no
   earlier conversation, ``promoter_share_no_social`` (0.45).  Unanswered
   social conversations also raise churn odds (parameter above).
3. Milder ticket effect: CSAT (sent only for solved tickets) is good
   (score 4-5) with probability ``csat_good_share_sla_met`` (0.85) when the
   ticket's first reply met the SLA (or the ticket is agent-created) and
   ``csat_good_share_sla_breached`` (0.62) when it was breached.

Outcome draws (churn, NPS promoter, CSAT good) are stratified "quota" Bernoulli
draws (:func:`sampling.quota_bernoulli`): inside every cell of the model the number of
positives equals the expected count (random members), so realised effects match
the parameters closely even in the 2,000-ticket demo.  The realised values are
written to ``realised_effects`` in the params file.

Planted bad rows (listed one by one in ``generator_params.json``) carry the
rule codes null_key, duplicate_key, unparseable_value, unknown_enum,
orphan_reference, timestamp_out_of_order, out_of_range and self_reference;
every other row is clean. The contract v2 tables have no planted bad rows.

Contract v2 (issue 11) on top of the v1 world
----------------------------------------------
The v2 parts are drawn from their own random streams (``pipeline.STREAMS``, after the v1 ones)
and only added: every v1 table keeps its v1 rows and v1 columns byte for byte (the v2 columns
come after the v1 ones, before ``_loaded_at``), so every v1 figure and planted effect holds.
What v2 adds:

- ``schedules`` (4: ``default`` America/New_York = the v1 business hours, ``emea_business``
  Europe/Berlin, ``apac_business`` Australia/Sydney with two intervals a day, ``premium_24x7``
  UTC 00:00-24:00 every day); ``business_hours`` gains ``schedule_id`` and the rows of the other
  three schedules; ``holidays`` gains ``schedule_id``, ``start_date``, ``end_date``, ``name``
  and the rows of each schedule's calendar, ranges included (the v1 US federal holidays are the
  ``default`` schedule's and keep ``holiday_date``/``holiday_name``; the new rows leave those
  empty; one company-wide holiday has a null schedule_id). See ``schedules.py``.
- ``ticket_schedules``: the default schedule id is ``'default'`` (var cx_default_schedule_id) and
  the generator's Americas schedule IS named ``default``: tickets on it throughout have no row;
  every other ticket has a row at created_at, escalated tickets a second one (24/7).
- ``agents`` (the assignees A001.., a routing bot B001, the system user S001) and, in
  ``ticket_events``, ``actor_id`` on every event and ``assignment`` events (``assignee_id``,
  ``group_name``; ids after every other event's) whose last one per ticket is the ticket's
  assignee_id/group_name. See ``agents.py``.
- ``ticket_sla_policies`` and ``sla_policy_targets`` (``enterprise``, ``premium``), applied only
  where they keep each ticket's calendar first-reply verdict. See ``ticket_policies.py``.

Business-minute figures do move (tickets of EMEA, APAC and enterprise customers now run on
their own schedules, and the default schedule has a year-end break); calendar figures do not.

Modules
-------
``contract``       table columns, enumerations, time units
``parameters``     :class:`GeneratorParams`, every knob
``timeline``       data window, load batches, holidays, hourly arrival profiles
``sampling``       shared random draws (log-normal delays, stratified quota draws)
``customers``      customers, social identities, churn
``social``         social conversations and posts
``tickets``        tickets and their events (the help-desk conversation)
``surveys``        CSAT / CES after tickets, NPS waves and open-link responses
``static_tables``  SLA policies, business hours, holidays, schedules, policy targets
``schedules``      schedules, business hours, holiday calendars, ticket schedules (v2)
``agents``         agents, assignment events, event actors (v2)
``ticket_policies`` per-ticket SLA policies and their targets (v2)
``texts``          subjects, posts and comments
``formatting``     numbers -> contract strings
``rendering``      simulated frames -> string tables (clean rows)
``bad_rows``       the planted bad rows
``metadata``       generator_params.json (planted and realised effects)
``writers``        CSV / Parquet output
``pipeline``       :func:`generate` and :func:`run`: the steps in order
"""

from cx_metrics.generate.contract import (
    ACTORS,
    AGENT_ROLES,
    CHANNELS,
    EVENT_TYPES,
    GROUPS,
    PLATFORMS,
    PRIORITIES,
    REGIONS,
    SEGMENTS,
    STATUSES,
    SURVEY_CHANNELS,
    SURVEY_TYPES,
    TABLE_COLUMNS,
    V1_TABLE_COLUMNS,
)
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.pipeline import GeneratedData, generate, run
from cx_metrics.generate.writers import write_csv, write_output

__all__ = [
    "ACTORS", "AGENT_ROLES", "CHANNELS", "EVENT_TYPES", "GROUPS", "PLATFORMS", "PRIORITIES", "REGIONS",
    "SEGMENTS", "STATUSES", "SURVEY_CHANNELS", "SURVEY_TYPES", "TABLE_COLUMNS", "V1_TABLE_COLUMNS",
    "GeneratedData", "GeneratorParams", "generate", "run", "write_csv", "write_output",
]
