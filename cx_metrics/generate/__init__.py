"""Deterministic synthetic demo data for cx-metrics.

The generator writes ten raw tables (see ``TABLE_COLUMNS``) that look like a
help-desk export (customers, tickets, ticket events, SLA policies, business
hours, holidays), a survey tool export (invitations, responses) and a social
listening export (posts, customer identities).  Every value is written as a
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
every other row is clean.

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
``static_tables``  SLA policies, business hours, holidays
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
)
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.pipeline import GeneratedData, generate, run
from cx_metrics.generate.writers import write_csv, write_output

__all__ = [
    "ACTORS", "CHANNELS", "EVENT_TYPES", "GROUPS", "PLATFORMS", "PRIORITIES", "REGIONS", "SEGMENTS",
    "STATUSES", "SURVEY_CHANNELS", "SURVEY_TYPES", "TABLE_COLUMNS",
    "GeneratedData", "GeneratorParams", "generate", "run", "write_csv", "write_output",
]
