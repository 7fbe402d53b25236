"""Agents and assignments (contract v2): the agents table, the ``assignment`` events and the
actor of every ticket event.

Agents ``A001`` .. ``A<n_agents>`` are the assignees of contract v1 (tickets.assignee_id), with a
synthetic name, a home group (``GROUPS`` in turn: agents also take tickets of other groups; a
ticket's group is tickets.group_name), role ``agent`` or ``admin`` and ``is_active`` (an inactive
agent has left but keeps their tickets). Two more users: ``B001`` the routing bot (role ``bot``,
the actor of every first assignment) and ``S001`` the system user (role ``system``; no event
names it: system events have a null actor_id, as the contract says).

Assignments. Every ticket with an assignee gets an ``assignment`` event (actor the routing bot)
at or before its first agent event, between its creation and that event (within a minute of its
creation when no agent event falls in the window). A handoff ticket (``params.handoff_share`` of
the tickets with two public agent replies or more) is first assigned to another agent (and for
``params.cross_group_handoff_share`` of them another group) and handed off, by that first agent,
half-way between the first two public agent replies. The last assignment of a ticket is always
its current assignee_id and group_name (tickets), so v1 columns keep their meaning. Tickets
without an assignee have no assignment event.

Actor ids: a customer event names the ticket's customer, an agent event the agent assigned at
that moment (the first agent before a handoff, the current assignee from it on).
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from cx_metrics.generate.contract import AGENT, AGENT_ROLES, COMMENT, GROUPS
from cx_metrics.generate.formatting import format_bool, format_enum, format_ids, format_timestamps, to_table
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.timeline import window_bounds

Frame = dict[str, np.ndarray]

BOT_ID, BOT_NAME = "B001", "Routing bot"
SYSTEM_ID, SYSTEM_NAME = "S001", "System"
NO_ACTOR = -1  # an agent code: none
BOT = -2  # an agent code: the routing bot

FIRST_NAMES = ("Ada", "Ben", "Carla", "Dev", "Elif", "Femi", "Greta", "Hiro", "Ines", "Jonas",
               "Kira", "Luis", "Mina", "Nils", "Olga", "Pavel", "Quinn", "Rosa", "Sven", "Tara",
               "Umar", "Vera", "Wei", "Xenia", "Yusuf", "Zoe", "Amir", "Bea", "Cem", "Dana",
               "Emil", "Farah")
LAST_NAMES = ("Adler", "Brooks", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hughes",
              "Ito", "Jensen", "Kowalski", "Lopez", "Martin", "Nakamura", "Okafor", "Petrov",
              "Quist", "Rossi", "Silva", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz",
              "Zimmer", "Abbott", "Berg", "Chen", "Dahl", "Evans", "Ford")


def simulate_agents(rng: np.random.Generator, params: GeneratorParams, n_agents: int) -> Frame:
    """Per agent (index = assignee code): name codes, home group, role code, active flag."""
    name = rng.choice(len(FIRST_NAMES) * len(LAST_NAMES), n_agents, replace=False)

    def some(share: float) -> np.ndarray:
        """round(share x agents) of them, at least one, drawn at random."""
        flags = np.zeros(n_agents, bool)
        flags[rng.choice(n_agents, max(1, int(round(share * n_agents))), replace=False)] = True
        return flags

    role = np.where(some(params.admin_share), AGENT_ROLES.index("admin"), AGENT_ROLES.index("agent"))
    return {"first_name": name // len(LAST_NAMES), "last_name": name % len(LAST_NAMES),
            "group": np.arange(n_agents) % len(GROUPS), "role": role,
            "active": ~some(params.inactive_agent_share)}


def first_two_agent_replies(events: Frame, n_tickets: int) -> tuple[np.ndarray, np.ndarray]:
    """Per ticket the times of its first and second public agent comments (-1 = none)."""
    reply = (events["actor"] == AGENT) & (events["event_type"] == COMMENT) & events["public"]
    ticket, at = events["ticket"][reply], events["at"][reply]  # events are in time order
    order = np.argsort(ticket, kind="stable")
    ticket, at = ticket[order], at[order]
    starts = np.flatnonzero(np.r_[True, ticket[1:] != ticket[:-1]]) if len(ticket) else np.array([], int)
    counts = np.diff(np.r_[starts, len(ticket)])
    first, second = np.full(n_tickets, -1, np.int64), np.full(n_tickets, -1, np.int64)
    first[ticket[starts]] = at[starts]
    two = starts[counts >= 2]
    second[ticket[two]] = at[two + 1]
    return first, second


def simulate_assignments(rng: np.random.Generator, params: GeneratorParams, tickets: Frame,
                         ticket_facts: Frame, events: Frame, n_agents: int) -> tuple[Frame, np.ndarray]:
    """(assignment events: ticket, at, actor agent code, assignee code, group code, in time order;
    the agent code of every event's actor, NO_ACTOR for customer and system events)."""
    _, end_s = window_bounds(params)
    created, assignee, group = tickets["created"], ticket_facts["assignee"], tickets["group"]
    n = len(created)
    # draws for every ticket (then masked), so the stream does not depend on the masks
    handoff_draw, cross_group_draw, assign_draw = rng.random(n), rng.random(n), rng.random(n)
    other_agent = (np.maximum(assignee, 0) + rng.integers(1, max(n_agents, 2), n)) % n_agents
    other_group = (group + rng.integers(1, len(GROUPS), n)) % len(GROUPS)

    first_reply, second_reply = first_two_agent_replies(events, n)
    assigned = assignee >= 0
    handoff = assigned & (second_reply >= 0) & (handoff_draw < params.handoff_share)
    handoff_at = np.where(handoff, (first_reply + second_reply) // 2, np.iinfo(np.int64).max)
    first_agent = np.where(handoff, other_agent, assignee)
    first_group = np.where(handoff & (cross_group_draw < params.cross_group_handoff_share), other_group, group)

    agent_events = events["actor"] == AGENT
    first_agent_at = np.full(n, -1, np.int64)
    tickets_with_agent_event, first_index = np.unique(events["ticket"][agent_events], return_index=True)
    first_agent_at[tickets_with_agent_event] = events["at"][agent_events][first_index]
    room = np.where(first_agent_at >= 0, first_agent_at - created, np.minimum(60, end_s - 1 - created))
    assigned_at = created + np.floor(assign_draw * np.maximum(room, 0)).astype(np.int64)

    first_tickets, handoff_tickets = np.flatnonzero(assigned), np.flatnonzero(handoff)
    assignments = {
        "ticket": np.concatenate([first_tickets, handoff_tickets]),
        "at": np.concatenate([assigned_at[first_tickets], handoff_at[handoff_tickets]]),
        "actor": np.concatenate([np.full(len(first_tickets), BOT), first_agent[handoff_tickets]]),
        "assignee": np.concatenate([first_agent[first_tickets], assignee[handoff_tickets]]),
        "group": np.concatenate([first_group[first_tickets], group[handoff_tickets]]),
        "handoff": np.r_[np.zeros(len(first_tickets), bool), np.ones(len(handoff_tickets), bool)],
    }
    order = np.lexsort((assignments["handoff"], assignments["ticket"], assignments["at"]))
    assignments = {key: values[order] for key, values in assignments.items()}

    ticket = events["ticket"]
    event_agent = np.where(events["at"] < handoff_at[ticket], first_agent[ticket], assignee[ticket])
    return assignments, np.where(agent_events, event_agent, NO_ACTOR)


def agent_ids(codes: np.ndarray) -> pa.Array:
    """Agent codes -> ids: A001.. for agents, the bot's id for BOT, null for NO_ACTOR."""
    ids = format_ids("A", codes + 1, 3, mask=codes < 0)
    bot = pa.array(codes == BOT)
    return pc.if_else(bot, pa.scalar(BOT_ID), ids)


def render_agents(agents: Frame, loaded: int) -> pa.Table:
    """The agents table: the agents, then the bot and the system user."""
    n = len(agents["group"])
    names = pc.binary_join_element_wise(format_enum(FIRST_NAMES, agents["first_name"]),
                                                format_enum(LAST_NAMES, agents["last_name"]), " ")
    columns = {
        "agent_id": pa.concat_arrays([format_ids("A", np.arange(1, n + 1), 3), pa.array([BOT_ID, SYSTEM_ID])]),
        "name": pa.concat_arrays([names, pa.array([BOT_NAME, SYSTEM_NAME])]),
        "group_name": pa.concat_arrays([format_enum(GROUPS, agents["group"]), pa.nulls(2, pa.string())]),
        "role": format_enum(AGENT_ROLES, np.r_[agents["role"], AGENT_ROLES.index("bot"),
                                               AGENT_ROLES.index("system")]),
        "is_active": format_bool(np.r_[agents["active"], True, True]),
        "_loaded_at": format_timestamps(np.full(n + 2, loaded)),
    }
    return to_table("agents", columns)
