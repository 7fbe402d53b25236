"""The metadata written to generator_params.json: parameters, sizes, formats, conventions, the
planted effects (how to measure them) and the effects as realised in the generated data."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import numpy as np
import pyarrow as pa

from cx_metrics.generate.contract import CSAT, NPS
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.surveys import ANSWERED_SOCIAL, NO_SOCIAL, UNANSWERED_SOCIAL
from cx_metrics.generate.timeline import timestamp_text, window_bounds

Frame = dict[str, np.ndarray]


def _share(flags: np.ndarray) -> float | None:
    """Share of True (4 decimals); None for no rows."""
    return round(float(flags.mean()), 4) if flags.size else None


def realised_effects(n_customers: int, tickets: Frame, ticket_facts: Frame, breached: np.ndarray,
                     unanswered_social: np.ndarray, churned_at: np.ndarray, responses: Frame) -> dict[str, Any]:
    """Effect sizes as realised in this data set (clean rows only)."""
    eligible = np.zeros(n_customers, bool)
    eligible[tickets["customer"][~ticket_facts["agent_created"]]] = True
    churned = churned_at >= 0
    # over the customers with an eligible ticket
    was_breached, has_churned = breached[eligible], churned[eligible]
    table = [[int((was_breached & has_churned).sum()), int((was_breached & ~has_churned).sum())],
             [int((~was_breached & has_churned).sum()), int((~was_breached & ~has_churned).sum())]]
    odds_ratio = (((table[0][0] * table[1][1]) / max(1, table[0][1] * table[1][0]))
                  if min(min(table)) > 0 else None)
    nps = responses["type"] == NPS
    promoter = responses["score"] >= 9
    shares = {}
    for name, state in (("no_social", NO_SOCIAL), ("after_answered_social", ANSWERED_SOCIAL),
                        ("after_unanswered_social", UNANSWERED_SOCIAL)):
        in_state = nps & (responses["social_state"] == state)
        shares[name] = {"responses": int(in_state.sum()), "promoter_share": _share(promoter[in_state])}
    csat = responses["type"] == CSAT
    ticket_breached = np.zeros(len(responses["type"]), bool)
    ticket_breached[csat] = ticket_facts["breached"][responses["ticket"][csat]]
    good = responses["score"] >= 4
    return {
        "customers_with_eligible_ticket": int(eligible.sum()),
        "breached_share_of_customers_with_eligible_ticket": _share(was_breached),
        "churn_rate_breached": _share(has_churned[was_breached]),
        "churn_rate_not_breached": _share(has_churned[~was_breached]),
        "churn_2x2_breached_x_churned": table,
        "churn_odds_ratio_2x2": round(odds_ratio, 4) if odds_ratio else None,
        "customers_with_unanswered_social": int(unanswered_social.sum()),
        "nps_promoter_share_by_latest_social_conversation": shares,
        "csat_good_share_sla_met": _share(good[csat & ~ticket_breached]),
        "csat_good_share_sla_breached": _share(good[csat & ticket_breached]),
    }


def planted_effects_doc(params: GeneratorParams) -> list[dict[str, Any]]:
    """The planted effects: parameters, direction and how to measure each from the tables."""
    return [
        {"name": "sla_breach_churn",
         "parameter": "sla_breach_churn_odds_ratio", "value": params.sla_breach_churn_odds_ratio,
         "direction": "first-reply SLA breach -> higher churn odds",
         "model": "logit(P(churn)) = churn_base_logit + ln(sla_breach_churn_odds_ratio)*breached "
                  "+ ln(unanswered_social_churn_odds_ratio)*has_unanswered_social "
                  "+ churn_segment_logit[segment]",
         "measurement": "Eligible ticket: first comment (earliest comment event) by actor_type "
                        "customer. first_reply_at = earliest ticket_events row with "
                        "actor_type='agent', event_type='comment', is_public=true. Breached when "
                        "(first_reply_at - created_at) in CALENDAR minutes (epoch seconds / 60, "
                        "no business hours) > sla_policies.first_reply_target_minutes for the "
                        "ticket's (priority, channel); a ticket with no public agent reply is "
                        "breached when created_at + target < window end (window_end + 1 day, "
                        "00:00:00). Customer breached = any breached eligible ticket. Churned = "
                        "churned_at not null. Odds ratio of a 2x2 table (breached x churned) over "
                        "customers with >=1 eligible ticket ~= 2.0 (marginal OR is slightly "
                        "attenuated by the small segment/social terms; realised value below)."},
        {"name": "unanswered_social_nps",
         "parameters": {"promoter_share_after_answered_social": params.promoter_share_after_answered_social,
                        "promoter_share_after_unanswered_social": params.promoter_share_after_unanswered_social,
                        "promoter_share_no_social": params.promoter_share_no_social},
         "direction": "brand reply to the customer's latest social conversation -> more promoters",
         "measurement": "Conversation = root social_posts row (in_reply_to_post_id null) plus its "
                        "reply tree; linked to a customer via customer_identities (platform, "
                        "handle = author_handle). Answered = the tree contains >=1 post with "
                        "author_is_brand=true. For each NPS response take the customer's latest "
                        "conversation whose root created_at < responded_at: answered -> share of "
                        "scores 9-10 ~= 0.71, unanswered -> ~= 0.19, none -> ~= 0.45. Open-link "
                        "NPS responses (invitation_id null) follow the same rule."},
        {"name": "unanswered_social_churn",
         "parameter": "unanswered_social_churn_odds_ratio",
         "value": params.unanswered_social_churn_odds_ratio,
         "measurement": "has_unanswered_social = customer has >=1 linked conversation with no "
                        "brand post; enters the churn logit above."},
        {"name": "sla_csat",
         "parameters": {"csat_good_share_sla_met": params.csat_good_share_sla_met,
                        "csat_good_share_sla_breached": params.csat_good_share_sla_breached},
         "direction": "ticket answered within the first-reply SLA -> higher CSAT",
         "measurement": "CSAT (survey_type csat, one invitation per solved ticket, sent 1-24 h "
                        "after the first 'solved' status) share of scores 4-5 by the ticket's "
                        "breached flag (definition above; agent-created tickets count as met)."},
        {"name": "ces_rounds",
         "parameters": {"ces_easy_share_base": params.ces_easy_share_base,
                        "ces_easy_share_per_round": params.ces_easy_share_per_round},
         "measurement": "CES (1-7, higher = easier) share of 5-7 falls with the number of "
                        "customer follow-up rounds on the ticket."},
    ]


def contract_v2_doc(params: GeneratorParams) -> dict[str, str]:
    """How the contract v2 tables were simulated (the details: schedules.py, agents.py,
    ticket_policies.py)."""
    return {
        "default_schedule": "schedule_id 'default' (= var cx_default_schedule_id) is the v1 business "
                            f"hours ({params.timezone}, Mon-Fri {params.business_day_start}-"
                            f"{params.business_day_end}); tickets on it throughout have no ticket_schedules row",
        "ticket_schedules": "a row at created_at with the schedule by customer region "
                            f"{params.schedule_by_region} ({params.enterprise_schedule} for enterprise "
                            "customers); escalated urgent/high tickets get a second row (24/7) between "
                            "creation and their last event",
        "holidays": "v1 US federal holidays = the default schedule's (holiday_date/holiday_name kept); "
                    "new rows carry only schedule_id/start_date/end_date/name (inclusive, local "
                    "calendar); schedule_id null = every schedule; no overlaps within a schedule",
        "business_hours": "one row per schedule, ISO day and interval; the 24/7 schedule is "
                          "00:00:00-24:00:00 every day",
        "agents": "A001.. are the v1 assignees (home group in turn, some admin, some inactive); "
                  "B001 routing bot (role bot), S001 system user (role system, on no event)",
        "assignment_events": "event_type 'assignment' (actor_type agent, is_public false) with "
                             "assignee_id and group_name; the first by the routing bot at or before "
                             "the first agent event, a handoff by the first agent half-way between "
                             "the first two public agent replies; the last one per ticket = the "
                             "ticket's assignee_id/group_name; event ids after every other event's",
        "actor_id": "customer events: the ticket's customer_id; agent events: the agent assigned at "
                    "that moment; system events: null",
        "ticket_sla_policies": "'enterprise' at creation on enterprise customers' tickets, 'premium' "
                               "on escalation; some re-applied later; only where the policy's "
                               "first-reply target gives the same calendar breach verdict as "
                               "sla_policies' (priority, channel) target (planted effect unchanged)",
    }


def build_metadata(params: GeneratorParams, tables: dict[str, pa.Table], bad_rows: list[dict[str, Any]],
                   realised: dict[str, Any], sizes: dict[str, int]) -> dict[str, Any]:
    """The content of generator_params.json."""
    start_s, end_s = window_bounds(params)
    return {
        "generator": "cx_metrics.generate",
        "seed": params.seed,
        "params": asdict(params),
        "data_window": {"start": timestamp_text(start_s), "end_exclusive": timestamp_text(end_s)},
        "derived_sizes": sizes,
        "contract_version": params.contract_version,
        "row_counts": {name: table.num_rows for name, table in tables.items()},
        "tables": {name: table.column_names for name, table in tables.items()},
        "formats": {"timestamp": "YYYY-MM-DD HH:MM:SS (UTC)", "date": "YYYY-MM-DD",
                    "time": "HH:MM:SS", "boolean": "true/false", "null": "empty field",
                    "parquet": "same string values as the CSVs; every column is utf8",
                    "_loaded_at": f"next load batch after the row's latest timestamp (every "
                                  f"{params.load_batch_hours} h at :{params.load_batch_offset_minutes:02d}); "
                                  "rows are in load order; static tables loaded at "
                                  f"{params.static_tables_loaded_at}"},
        "conventions": {
            "sla_time": "planted SLA effect uses CALENDAR minutes",
            "agent_created_tickets": "first comment by an agent; excluded from first-reply SLA",
            "internal_notes": "agent comments with is_public=false are not replies",
            "ces_scale": "1-7, higher = easier",
            "outcome_draws": "churn, NPS promoter and CSAT good are stratified (quota) draws: "
                             "each model cell gets exactly its expected number of positives",
            "nps_waves": "relationship NPS sent on window_start + nps_wave_days (14:00-16:00 UTC)",
            "churn_timing": "churned_at is uniform between the customer's last ticket event, "
                            "social post, ticket-survey invitation or response and the window "
                            "end (so it is skewed late); no NPS is sent or answered after "
                            "churned_at",
        },
        **({"contract_v2": contract_v2_doc(params)} if params.contract_version == 2 else {}),
        "planted_effects": planted_effects_doc(params),
        "realised_effects": realised,
        "planted_bad_rows": bad_rows,
    }
