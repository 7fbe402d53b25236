"""Rendering: the simulated numeric frames -> the string tables of the contract (clean rows).

Each ``render_*`` function returns the table and each row's load time (epoch seconds); rows
are in load order. The planted bad rows are added afterwards (:mod:`.bad_rows`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cx_metrics.generate.agents import agent_ids
from cx_metrics.generate.contract import (
    ACTORS,
    AGENT,
    ASSIGNMENT,
    CHANNELS,
    CUSTOMER,
    EVENT_TYPES,
    GROUPS,
    PLATFORMS,
    PRIORITIES,
    REGIONS,
    SEGMENTS,
    STATUSES,
    SURVEY_CHANNELS,
    SURVEY_TYPES,
)
from cx_metrics.generate.formatting import (
    format_bool,
    format_enum,
    format_ids,
    format_int,
    format_money,
    format_timestamps,
    pick_text,
    to_table,
)
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.social import BRAND_REPLY, CUSTOMER_FOLLOWUP, DOUBLE_POST, ROOT
from cx_metrics.generate.texts import (
    ALL_COMMENTS,
    ALL_SUBJECTS,
    HANDLE_NAMES,
    SOCIAL_BRAND_FOLLOWUP_BAD,
    SOCIAL_BRAND_FOLLOWUP_OK,
    SOCIAL_BRAND_REPLY,
    SOCIAL_BUMP,
    SOCIAL_CUSTOMER_FOLLOWUP_BAD,
    SOCIAL_CUSTOMER_FOLLOWUP_OK,
    SOCIAL_ROOT,
)
from cx_metrics.generate.ticket_policies import POLICIES
from cx_metrics.generate.timeline import load_batch

Frame = dict[str, np.ndarray]
Rendered = tuple[pa.Table, np.ndarray]


@dataclass
class RenderContext:
    """Everything the simulation produced, plus the id widths and the random stream for texts."""

    params: GeneratorParams
    widths: dict[str, int]  # digits of the ids by prefix (C, T, E, SI, SR, P)
    n_agents: int
    customers: Frame
    churned_at: np.ndarray
    identities: Frame
    conversations: Frame
    posts: Frame
    tickets: Frame
    ticket_facts: Frame
    events: Frame
    invitations: Frame
    invitation_order: np.ndarray  # invitation rows in sent order (= invitation id order)
    responses: Frame
    text_rng: np.random.Generator
    # contract v2 (agents.py, schedules.py, ticket_policies.py)
    event_agent: np.ndarray | None = None  # agent code of each event's actor (agents.NO_ACTOR: none)
    assignments: Frame | None = None
    ticket_schedules: Frame | None = None
    schedule_ids: tuple[str, ...] = ()
    ticket_policies: Frame | None = None


def identity_handles(identities: Frame) -> pa.Array:
    """@<name><customer number>, with a _tw/_fb/_ig suffix on a customer's second identity."""
    names = format_enum(HANDLE_NAMES, identities["name"])
    number = pc.cast(pa.array(identities["customer"] + 1), pa.string())
    suffix = format_enum(("", "_tw", "_fb", "_ig"),
                         np.where(identities["second"], identities["platform"] + 1, 0))
    return pc.binary_join_element_wise("@", names, number, suffix, "")


def sort_by_loaded(columns: dict[str, pa.Array],
                   loaded: np.ndarray) -> tuple[dict[str, pa.Array], np.ndarray]:
    """The columns and load times in load order (stable)."""
    order = np.argsort(loaded, kind="stable")
    if np.all(order[:-1] < order[1:]):
        return columns, loaded
    indices = pa.array(order)
    return {name: column.take(indices) for name, column in columns.items()}, loaded[order]


def render_customers(context: RenderContext, customer_ids: pa.Array) -> Rendered:
    customers, churned_at = context.customers, context.churned_at
    churned = churned_at >= 0
    loaded = load_batch(np.where(churned, churned_at, customers["signup"]), context.params)
    columns = {"customer_id": customer_ids,
               "segment": format_enum(SEGMENTS, customers["segment"]),
               "region": format_enum(REGIONS, customers["region"]),
               "signup_at": format_timestamps(customers["signup"]),
               "churned_at": format_timestamps(np.maximum(churned_at, 0), mask=~churned),
               "annual_revenue": format_money(customers["revenue"]),
               "email": pc.binary_join_element_wise(pc.utf8_lower(customer_ids), "@example.com", ""),
               "is_incentivized": format_bool(customers["incentivized"]),
               "_loaded_at": format_timestamps(loaded)}
    columns, loaded = sort_by_loaded(columns, loaded)
    return to_table("customers", columns), loaded


def render_identities(context: RenderContext, customer_ids: pa.Array, handles: pa.Array) -> Rendered:
    identities = context.identities
    loaded = load_batch(context.customers["signup"][identities["customer"]], context.params)
    columns = {"platform": format_enum(PLATFORMS, identities["platform"]), "handle": handles,
               "customer_id": customer_ids.take(pa.array(identities["customer"])),
               "_loaded_at": format_timestamps(loaded)}
    columns, loaded = sort_by_loaded(columns, loaded)
    return to_table("customer_identities", columns), loaded


def render_social_posts(context: RenderContext, handles: pa.Array) -> Rendered:
    params, posts, conversations = context.params, context.posts, context.conversations
    n_posts = len(posts["created"])
    conversation = posts["conversation"]
    brands = tuple(params.brand_mix)
    brand = conversations["brand"][conversation]
    is_brand = posts["is_brand"]
    parent = np.maximum(posts["parent"], 0)

    # author: the brand account, the identified customer's handle, or an anonymous guest
    identity = conversations["identity"][conversation]
    anonymous_author = conversations["anonymous_author"][conversation]
    guest_handles = format_ids("@guest", np.arange(1, int(conversations["n_anonymous_authors"][0]) + 1), 5)
    customer_handle = pc.if_else(pa.array(identity >= 0),
                                 handles.take(pa.array(np.maximum(identity, 0))) if len(handles)
                                 else pa.nulls(n_posts, pa.string()),
                                 guest_handles.take(pa.array(np.maximum(anonymous_author, 0))))
    brand_handles = pa.array(["@" + name for name in brands])
    author = pc.if_else(pa.array(is_brand), brand_handles.take(pa.array(brand)), customer_handle)
    customer_followers = np.where(identity >= 0, context.identities["followers"][np.maximum(identity, 0)]
                                  if len(handles) else 0,
                                  50 + (anonymous_author * 7919) % 900)
    followers_null = np.where(identity >= 0, context.identities["followers_null"][np.maximum(identity, 0)]
                              if len(handles) else False, False) & ~is_brand
    brand_followers = np.array([params.brand_followers[name] for name in brands])[brand]
    followers = np.where(is_brand, brand_followers, customer_followers)

    # text by post kind; a brand follow-up matches the mood of the customer post it answers
    rng, kind = context.text_rng, posts["kind"]
    root_text = pc.binary_join_element_wise(pc.binary_join_element_wise(
        "@", format_enum(brands, brand), ""), pick_text(rng, SOCIAL_ROOT, n_posts), " ")
    parent_author = author.take(pa.array(parent))
    brand_reply_text = pc.binary_join_element_wise(
        parent_author, pick_text(rng, SOCIAL_BRAND_REPLY, n_posts), " ")
    happy = rng.random(n_posts) < 0.6
    parent_happy = happy[parent]
    customer_followup_text = pc.if_else(pa.array(happy), pick_text(rng, SOCIAL_CUSTOMER_FOLLOWUP_OK, n_posts),
                                        pick_text(rng, SOCIAL_CUSTOMER_FOLLOWUP_BAD, n_posts))
    brand_followup_text = pc.binary_join_element_wise(
        parent_author, pc.if_else(pa.array(parent_happy),
                                  pick_text(rng, SOCIAL_BRAND_FOLLOWUP_OK, n_posts),
                                  pick_text(rng, SOCIAL_BRAND_FOLLOWUP_BAD, n_posts)), " ")
    text = pc.case_when(
        pc.make_struct(pa.array(kind == ROOT), pa.array(kind == DOUBLE_POST), pa.array(kind == BRAND_REPLY),
                       pa.array(kind == CUSTOMER_FOLLOWUP)),
        root_text, pick_text(rng, SOCIAL_BUMP, n_posts), brand_reply_text, customer_followup_text,
        brand_followup_text)

    loaded = load_batch(posts["created"], params)
    columns = {"post_id": format_ids("P", np.arange(1, n_posts + 1), context.widths["P"]),
               "platform": format_enum(PLATFORMS, conversations["platform"][conversation]),
               "brand": format_enum(brands, brand), "author_handle": author,
               "author_is_brand": format_bool(is_brand), "created_at": format_timestamps(posts["created"]),
               "text": text,
               "in_reply_to_post_id": format_ids("P", posts["parent"] + 1, context.widths["P"],
                                                 mask=posts["parent"] < 0),
               "author_followers": format_int(followers, mask=followers_null),
               "_loaded_at": format_timestamps(loaded)}
    return to_table("social_posts", columns), loaded


def render_tickets(context: RenderContext, customer_ids: pa.Array, ticket_ids: pa.Array) -> Rendered:
    tickets, facts = context.tickets, context.ticket_facts
    loaded = load_batch(tickets["created"], context.params)
    columns = {"ticket_id": ticket_ids,
               "customer_id": customer_ids.take(pa.array(tickets["customer"])),
               "channel": format_enum(CHANNELS, tickets["channel"]),
               "priority": format_enum(PRIORITIES, tickets["priority"]),
               "created_at": format_timestamps(tickets["created"]),
               "subject": format_enum(ALL_SUBJECTS, tickets["subject"]),
               "assignee_id": format_ids("A", facts["assignee"] + 1, 3, mask=facts["assignee"] < 0),
               "group_name": format_enum(GROUPS, tickets["group"]),
               "via_social_post_id": format_ids("P", tickets["via_post"] + 1, context.widths["P"],
                                                mask=tickets["via_post"] < 0),
               "_loaded_at": format_timestamps(loaded)}
    return to_table("tickets", columns), loaded


def render_ticket_events(context: RenderContext, customer_ids: pa.Array, ticket_ids: pa.Array) -> Rendered:
    """The simulated events (ids E1..); actor_id names the customer or the agent, null for system."""
    events = context.events
    n_events = len(events["at"])
    loaded = load_batch(events["at"], context.params)
    ticket_customer = customer_ids.take(pa.array(context.tickets["customer"][events["ticket"]]))
    actor_id = pc.if_else(pa.array(events["actor"] == CUSTOMER), ticket_customer,
                          agent_ids(context.event_agent))
    columns = {"event_id": format_ids("E", np.arange(1, n_events + 1), context.widths["E"]),
               "ticket_id": ticket_ids.take(pa.array(events["ticket"])),
               "event_at": format_timestamps(events["at"]),
               "actor_type": format_enum(ACTORS, events["actor"]),
               "event_type": format_enum(EVENT_TYPES, events["event_type"]),
               "is_public": format_bool(events["public"]),
               "status": format_enum(STATUSES, events["status"]),
               "actor_id": actor_id,
               "assignee_id": pa.nulls(n_events, pa.string()),
               "group_name": pa.nulls(n_events, pa.string()),
               "_loaded_at": format_timestamps(loaded)}
    return to_table("ticket_events", columns), loaded


def render_assignment_events(context: RenderContext, ticket_ids: pa.Array, first_number: int) -> Rendered:
    """The assignment events, numbered from `first_number` on (after every other event)."""
    assignments = context.assignments
    n = len(assignments["at"])
    loaded = load_batch(assignments["at"], context.params)
    columns = {"event_id": format_ids("E", np.arange(first_number, first_number + n), context.widths["E"]),
               "ticket_id": ticket_ids.take(pa.array(assignments["ticket"])),
               "event_at": format_timestamps(assignments["at"]),
               "actor_type": format_enum(ACTORS, np.full(n, AGENT)),
               "event_type": format_enum(EVENT_TYPES, np.full(n, ASSIGNMENT)),
               "is_public": format_bool(np.zeros(n, bool)),
               "status": pa.nulls(n, pa.string()),
               "actor_id": agent_ids(assignments["actor"]),
               "assignee_id": agent_ids(assignments["assignee"]),
               "group_name": format_enum(GROUPS, assignments["group"]),
               "_loaded_at": format_timestamps(loaded)}
    return to_table("ticket_events", columns), loaded


def render_ticket_schedules(context: RenderContext, ticket_ids: pa.Array) -> Rendered:
    rows = context.ticket_schedules
    loaded = load_batch(rows["valid_from"], context.params)
    columns = {"ticket_id": ticket_ids.take(pa.array(rows["ticket"])),
               "schedule_id": format_enum(context.schedule_ids, rows["schedule"]),
               "valid_from": format_timestamps(rows["valid_from"]),
               "_loaded_at": format_timestamps(loaded)}
    columns, loaded = sort_by_loaded(columns, loaded)
    return to_table("ticket_schedules", columns), loaded


def render_ticket_policies(context: RenderContext, ticket_ids: pa.Array) -> Rendered:
    rows = context.ticket_policies
    loaded = load_batch(rows["applied_at"], context.params)
    columns = {"ticket_id": ticket_ids.take(pa.array(rows["ticket"])),
               "policy_id": format_enum(POLICIES, rows["policy"]),
               "applied_at": format_timestamps(rows["applied_at"]),
               "_loaded_at": format_timestamps(loaded)}
    columns, loaded = sort_by_loaded(columns, loaded)
    return to_table("ticket_sla_policies", columns), loaded


def render_invitations(context: RenderContext, customer_ids: pa.Array, ticket_ids: pa.Array) -> Rendered:
    """Rows in sent order = id order."""
    invitations, order = context.invitations, context.invitation_order
    n_invitations = len(order)
    ticket = invitations["ticket"][order]
    loaded = load_batch(invitations["sent"][order], context.params)
    columns = {"invitation_id": format_ids("SI", np.arange(1, n_invitations + 1), context.widths["SI"]),
               "customer_id": customer_ids.take(pa.array(invitations["customer"][order])),
               "ticket_id": ticket_ids.take(pa.array(np.maximum(ticket, 0), mask=ticket < 0))
               if len(context.tickets["created"]) else pa.nulls(n_invitations, pa.string()),
               "survey_type": format_enum(SURVEY_TYPES, invitations["type"][order]),
               "channel": format_enum(SURVEY_CHANNELS, invitations["channel"][order]),
               "sent_at": format_timestamps(invitations["sent"][order]),
               "_loaded_at": format_timestamps(loaded)}
    return to_table("survey_invitations", columns), loaded


def render_responses(context: RenderContext, customer_ids: pa.Array, ticket_ids: pa.Array) -> Rendered:
    """Ids in responded order, rows in load order (after any follow-up)."""
    widths = context.widths
    responses = context.responses
    id_order = np.lexsort((np.arange(len(responses["responded"])), responses["responded"]))
    ordered = {key: values[id_order] for key, values in responses.items()}
    n_responses = len(id_order)
    followed = ordered["followed"] >= 0
    loaded = load_batch(np.maximum(ordered["responded"], ordered["followed"]), context.params)
    columns = {"response_id": format_ids("SR", np.arange(1, n_responses + 1), widths["SR"]),
               "invitation_id": format_ids("SI", ordered["invitation"] + 1, widths["SI"],
                                           mask=ordered["invitation"] < 0),
               "customer_id": customer_ids.take(pa.array(ordered["customer"])),
               "ticket_id": ticket_ids.take(pa.array(np.maximum(ordered["ticket"], 0), mask=ordered["ticket"] < 0))
               if len(context.tickets["created"]) else pa.nulls(n_responses, pa.string()),
               "survey_type": format_enum(SURVEY_TYPES, ordered["type"]),
               "score": format_int(ordered["score"]),
               "comment": format_enum(ALL_COMMENTS, ordered["comment"]),
               "responded_at": format_timestamps(ordered["responded"]),
               "followed_up_at": format_timestamps(np.maximum(ordered["followed"], 0), mask=~followed),
               "_loaded_at": format_timestamps(loaded)}
    columns, loaded = sort_by_loaded(columns, loaded)
    return to_table("survey_responses", columns), loaded
