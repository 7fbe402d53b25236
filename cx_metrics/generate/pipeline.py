"""The generator's steps in order: simulate every area, render the tables, plant the bad rows,
describe the result; :func:`run` also writes it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cx_metrics.generate import bad_rows
from cx_metrics.generate.agents import first_two_agent_replies, render_agents, simulate_agents, simulate_assignments
from cx_metrics.generate.contract import ASSIGNMENT, EVENT_TYPES, NPS, TABLE_COLUMNS, V1_TABLE_COLUMNS
from cx_metrics.generate.customers import customer_flags, simulate_churn, simulate_customers, simulate_identities
from cx_metrics.generate.formatting import format_ids, id_width
from cx_metrics.generate.metadata import build_metadata, realised_effects
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.rendering import (
    RenderContext,
    identity_handles,
    render_assignment_events,
    render_customers,
    render_identities,
    render_invitations,
    render_responses,
    render_social_posts,
    render_ticket_events,
    render_ticket_policies,
    render_ticket_schedules,
    render_tickets,
)
from cx_metrics.generate.sampling import group_max
from cx_metrics.generate.schedules import DEFAULT_SCHEDULE, schedules, simulate_ticket_schedules
from cx_metrics.generate.social import simulate_social
from cx_metrics.generate.static_tables import build_static_tables
from cx_metrics.generate.surveys import nps_scores, response_extras, simulate_nps, simulate_ticket_surveys
from cx_metrics.generate.ticket_policies import simulate_ticket_policies
from cx_metrics.generate.tickets import simulate_ticket_events, simulate_tickets
from cx_metrics.generate.timeline import (
    arrival_profile,
    epoch,
    social_hour_weights,
    ticket_hour_weights,
    window_bounds,
    window_holidays,
)
from cx_metrics.generate.writers import write_output

Frame = dict[str, np.ndarray]

#: one independent random stream per step (spawned from the seed in this order); "bad" is
#: reserved (the bad rows are picked deterministically)
STREAMS = ("customers", "identities", "social", "tickets", "events", "ticket_surveys",
           "churn", "nps", "text", "bad", "schedules", "agents", "ticket_policies")
# The contract v2 streams come last: SeedSequence.spawn gives the i-th child the same state
# whatever the number of children, so the v1 streams, and every v1 value, stay as they were.


@dataclass
class GeneratedData:
    tables: dict[str, pa.Table]
    metadata: dict[str, Any]


def last_activity(n_customers: int, tickets: Frame, ticket_facts: Frame, conversations: Frame,
                  posts: Frame, ticket_invitations: Frame, ticket_responses: Frame) -> np.ndarray:
    """Each customer's latest ticket event, own social post, ticket-survey invitation or response."""
    latest = group_max(tickets["customer"], ticket_facts["last_event"], n_customers, 0)
    customer_posts = ~posts["is_brand"] & conversations["identified"][posts["conversation"]]
    latest = np.maximum(latest, group_max(conversations["customer"][posts["conversation"][customer_posts]],
                                          posts["created"][customer_posts], n_customers, 0))
    latest = np.maximum(latest, group_max(ticket_responses["customer"], ticket_responses["responded"],
                                          n_customers, 0))
    return np.maximum(latest, group_max(ticket_invitations["customer"], ticket_invitations["sent"],
                                        n_customers, 0))


def combine_surveys(ticket_invitations: Frame, ticket_responses: Frame, nps_invitations: Frame,
                    nps_responses: Frame, nps_score: np.ndarray,
                    nps_state: np.ndarray) -> tuple[Frame, np.ndarray, Frame]:
    """(invitations, their sent order, responses): ticket surveys first, then NPS; a response's
    invitation is the invitation's position in sent order (its id - 1), -1 for open-link."""
    invitations = {key: np.concatenate([ticket_invitations[key], nps_invitations[key]])
                   for key in ticket_invitations}
    sent_order = np.lexsort((np.arange(len(invitations["sent"])), invitations["sent"]))
    sent_rank = np.empty_like(sent_order)
    sent_rank[sent_order] = np.arange(len(sent_order))
    n_ticket_invitations = len(ticket_invitations["sent"])
    n_nps = len(nps_responses["customer"])
    invitation = np.concatenate([
        np.where(ticket_responses["invitation"] >= 0, ticket_responses["invitation"], -1),
        np.where(nps_responses["invitation"] >= 0, nps_responses["invitation"] + n_ticket_invitations, -1)])
    responses = {
        "invitation": np.where(invitation >= 0, sent_rank[np.maximum(invitation, 0)], -1),
        "customer": np.concatenate([ticket_responses["customer"], nps_responses["customer"]]),
        "ticket": np.concatenate([ticket_responses["ticket"], np.full(n_nps, -1)]),
        "type": np.concatenate([ticket_responses["type"], np.full(n_nps, NPS)]),
        "score": np.concatenate([ticket_responses["score"], nps_score]),
        "responded": np.concatenate([ticket_responses["responded"], nps_responses["responded"]]),
        "social_state": np.concatenate([np.full(len(ticket_responses["customer"]), -1), nps_state]),
    }
    return invitations, sent_order, responses


def generate(params: GeneratorParams) -> GeneratedData:
    """Generate every table (as string-typed pyarrow tables) plus metadata."""
    seed_sequence = np.random.SeedSequence(params.seed)
    rngs = dict(zip(STREAMS, (np.random.default_rng(s) for s in seed_sequence.spawn(len(STREAMS))), strict=True))
    start_s, end_s = window_bounds(params)
    n_tickets = int(params.n_tickets)
    n_customers = max(10, int(round(n_tickets * params.customers_per_ticket)))
    n_conversations = max(1, int(round(n_tickets * params.social_conversations_per_ticket)))
    n_agents = int(np.clip(round(n_tickets * params.agents_per_ticket), 8, 999))
    holidays = {day for day, _ in window_holidays(params)}
    ticket_profile = arrival_profile(start_s, end_s, params.timezone, holidays, *ticket_hour_weights())
    social_profile = arrival_profile(start_s, end_s, params.timezone, holidays, *social_hour_weights())

    customers = simulate_customers(rngs["customers"], params, n_customers)
    identities = simulate_identities(rngs["identities"], params, n_customers)
    conversations, posts = simulate_social(rngs["social"], params, customers, identities, n_conversations,
                                           social_profile)
    tickets = simulate_tickets(rngs["tickets"], params, customers, conversations, n_tickets, ticket_profile)
    events, ticket_facts = simulate_ticket_events(rngs["events"], params, tickets, n_agents)
    ticket_invitations, ticket_responses = simulate_ticket_surveys(rngs["ticket_surveys"], params, tickets,
                                                                   ticket_facts)

    breached, unanswered_social = customer_flags(n_customers, tickets, ticket_facts, conversations)
    latest = last_activity(n_customers, tickets, ticket_facts, conversations, posts, ticket_invitations,
                           ticket_responses)
    has_eligible_ticket = np.zeros(n_customers, bool)
    has_eligible_ticket[tickets["customer"][~ticket_facts["agent_created"]]] = True
    churned_at = simulate_churn(rngs["churn"], params, customers, breached, unanswered_social,
                                has_eligible_ticket, latest)
    nps_invitations, nps_responses = simulate_nps(rngs["nps"], params, customers, churned_at,
                                                  len(ticket_responses["customer"]))
    nps_score, nps_state = nps_scores(rngs["nps"], params, conversations, nps_responses["customer"],
                                      nps_responses["responded"])
    invitations, invitation_order, responses = combine_surveys(
        ticket_invitations, ticket_responses, nps_invitations, nps_responses, nps_score, nps_state)
    responses["comment"], responses["followed"] = response_extras(
        rngs["text"], params, responses["type"], responses["score"], responses["responded"])

    # contract v2: schedules, agents and assignments, per-ticket SLA policies (own streams)
    ticket_schedules, escalated_at = simulate_ticket_schedules(rngs["schedules"], params, customers, tickets,
                                                               ticket_facts)
    agents = simulate_agents(rngs["agents"], params, n_agents)
    assignments, event_agent = simulate_assignments(rngs["agents"], params, tickets, ticket_facts, events,
                                                    n_agents)
    first_reply_at, _ = first_two_agent_replies(events, n_tickets)
    ticket_policies = simulate_ticket_policies(rngs["ticket_policies"], params, customers, tickets,
                                               ticket_facts, np.where(ticket_facts["agent_created"], -1,
                                                                      first_reply_at), escalated_at)

    realised = realised_effects(n_customers, tickets, ticket_facts, breached, unanswered_social, churned_at,
                                responses)
    widths = {"C": id_width(6, n_customers + 2), "T": id_width(7, n_tickets + 5),
              "E": id_width(8, len(events["at"]) + 5), "SI": id_width(7, len(invitations["sent"]) + 5),
              "SR": id_width(7, len(responses["responded"]) + 5),
              "P": id_width(7, len(posts["created"]) + 5)}
    context = RenderContext(params=params, widths=widths, n_agents=n_agents, customers=customers,
                            churned_at=churned_at, identities=identities, conversations=conversations,
                            posts=posts, tickets=tickets, ticket_facts=ticket_facts, events=events,
                            invitations=invitations, invitation_order=invitation_order,
                            responses=responses, text_rng=rngs["text"], event_agent=event_agent,
                            assignments=assignments, ticket_schedules=ticket_schedules,
                            schedule_ids=tuple(s.schedule_id for s in schedules(params)),
                            ticket_policies=ticket_policies)
    tables, planted_bad_rows = render_all(context)
    tables.update(build_static_tables(params))
    tables["agents"] = render_agents(agents, epoch(params.static_tables_loaded_at))
    tables = {name: tables[name] for name in TABLE_COLUMNS}
    if params.contract_version == 1:
        tables = v1_tables(tables)
    elif params.contract_version != 2:
        raise ValueError(f"contract_version must be 1 or 2, got {params.contract_version!r}")
    metadata = build_metadata(params, tables, planted_bad_rows, realised,
                              {"customers": n_customers, "social_conversations": n_conversations,
                               "agents": n_agents})
    return GeneratedData(tables, metadata)


def v1_tables(tables: dict[str, pa.Table]) -> dict[str, pa.Table]:
    """The contract v1 shape of a v2 data set: no v2 tables, columns or rows (assignment events,
    the business hours of schedules other than the default one, holidays without holiday_date).
    Byte-identical to what the generator wrote before contract v2."""
    keep_rows = {
        "ticket_events": lambda t: pc.not_equal(t["event_type"], EVENT_TYPES[ASSIGNMENT]),
        "business_hours": lambda t: pc.equal(t["schedule_id"], DEFAULT_SCHEDULE),
        "holidays": lambda t: pc.is_valid(t["holiday_date"]),
    }
    v1 = {}
    for name, columns in V1_TABLE_COLUMNS.items():
        table = tables[name]
        if name in keep_rows:
            table = table.filter(keep_rows[name](table))
        v1[name] = table.select(list(columns))
    return v1


def concat_in_load_order(table: pa.Table, loaded: np.ndarray, extra: pa.Table,
                         extra_loaded: np.ndarray) -> pa.Table:
    """`table` (in load order) with `extra` rows merged in by load time (stable: of rows loaded
    together, `table`'s first)."""
    order = np.argsort(np.concatenate([loaded, extra_loaded]), kind="stable")
    return pa.concat_tables([table, extra]).take(pa.array(order))


Planter = Callable[[RenderContext, pa.Table, np.ndarray], bad_rows.PlantedRows]

#: the planted bad rows of each table that has some
PLANTERS: dict[str, Planter] = {
    "customers": bad_rows.customer_bad_rows,
    "social_posts": bad_rows.social_post_bad_rows,
    "tickets": bad_rows.ticket_bad_rows,
    "ticket_events": bad_rows.ticket_event_bad_rows,
    "survey_responses": bad_rows.survey_response_bad_rows,
}


def render_all(context: RenderContext) -> tuple[dict[str, pa.Table], list[dict[str, Any]]]:
    """Render every non-static table with its planted bad rows; returns the tables and the
    descriptions of the planted bad rows."""
    widths = context.widths
    customer_ids = format_ids("C", np.arange(1, len(context.customers["signup"]) + 1), widths["C"])
    handles = identity_handles(context.identities)
    ticket_ids = format_ids("T", np.arange(1, len(context.tickets["created"]) + 1), widths["T"])
    steps: dict[str, Callable[[], tuple[pa.Table, np.ndarray]]] = {
        "customers": lambda: render_customers(context, customer_ids),
        "customer_identities": lambda: render_identities(context, customer_ids, handles),
        "social_posts": lambda: render_social_posts(context, handles),
        "tickets": lambda: render_tickets(context, customer_ids, ticket_ids),
        "ticket_events": lambda: render_ticket_events(context, customer_ids, ticket_ids),
        "survey_invitations": lambda: render_invitations(context, customer_ids, ticket_ids),
        "survey_responses": lambda: render_responses(context, customer_ids, ticket_ids),
        "ticket_schedules": lambda: render_ticket_schedules(context, ticket_ids),
        "ticket_sla_policies": lambda: render_ticket_policies(context, ticket_ids),
    }
    tables: dict[str, pa.Table] = {}
    descriptions: list[dict[str, Any]] = []
    for name, render in steps.items():
        table, loaded = render()
        if name in PLANTERS:
            planted = PLANTERS[name](context, table, loaded)
            table = bad_rows.append_rows(table, loaded, planted.rows, planted.loaded)
            loaded = np.sort(np.concatenate([loaded, np.asarray(planted.loaded, np.int64)]))
            descriptions += planted.notes
        if name == "ticket_events":  # assignment events: ids after every other event, rows in load order
            assignments, assignments_loaded = render_assignment_events(context, ticket_ids, table.num_rows + 1)
            table = concat_in_load_order(table, loaded, assignments, assignments_loaded)
        tables[name] = table
    return tables, descriptions


def run(seed: int = 42, tickets: int = 2000, out: str | Path = "seeds", fmt: str = "csv",
        **overrides: Any) -> GeneratedData:
    """Generate a data set and write it to `out` (see :func:`write_output`)."""
    params = GeneratorParams(seed=seed, n_tickets=tickets, **overrides)
    data = generate(params)
    write_output(data, out, fmt)
    return data
