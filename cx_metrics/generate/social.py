"""Simulation of the social listening export: conversations (a customer's root post and its
reply tree) and their posts.

Some conversations come from identified customers (an author handle in customer_identities),
the others from anonymous guests. A share of them is answered by the brand; an answer may be
followed by rounds of customer follow-up and brand answer.
"""

from __future__ import annotations

import numpy as np

from cx_metrics.generate.contract import MINUTE, PLATFORMS
from cx_metrics.generate.parameters import GeneratorParams
from cx_metrics.generate.sampling import lognormal_seconds, mix
from cx_metrics.generate.timeline import ArrivalProfile, sample_arrivals, window_bounds

Frame = dict[str, np.ndarray]

# post kinds (they choose the text of a post)
ROOT, DOUBLE_POST, BRAND_REPLY, CUSTOMER_FOLLOWUP, BRAND_FOLLOWUP = range(5)


class PostLog:
    """Posts appended batch by batch; `seq` (the batch number) breaks ties in time order."""

    def __init__(self) -> None:
        self.columns: dict[str, list[np.ndarray]] = {
            key: [] for key in ("conversation", "created", "is_brand", "parent", "kind", "seq")}
        self.count = 0

    def add(self, conversation: np.ndarray, created: np.ndarray, is_brand: bool, parent: np.ndarray,
            kind: int) -> np.ndarray:
        """Append one post per conversation; returns the posts' provisional ids."""
        provisional_ids = np.arange(self.count, self.count + len(conversation))
        self.count += len(conversation)
        self.columns["conversation"].append(conversation)
        self.columns["created"].append(created)
        self.columns["is_brand"].append(np.full(len(conversation), is_brand))
        self.columns["parent"].append(parent)
        self.columns["kind"].append(np.full(len(conversation), kind))
        self.columns["seq"].append(np.full(len(conversation), len(self.columns["seq"])))
        return provisional_ids

    def frame(self) -> Frame:
        return {key: np.concatenate(batches) for key, batches in self.columns.items()}


def simulate_social(rng: np.random.Generator, params: GeneratorParams, customers: Frame,
                    identities: Frame, n_conversations: int,
                    profile: ArrivalProfile) -> tuple[Frame, Frame]:
    """Conversations and posts.  Returns (conversations, posts); posts are in time order (their
    index is the post number) and only those created inside the window are kept."""
    start_s, end_s = window_bounds(params)
    n_identities = len(identities["customer"])
    identified = (rng.random(n_conversations) < params.social_identified_share) & (n_identities > 0)
    identity = np.full(n_conversations, -1)
    if n_identities:
        weights = customers["activity"][identities["customer"]] + 0.05
        identity[identified] = rng.choice(n_identities, identified.sum(), p=weights / weights.sum())
    n_anonymous_authors = max(5, int(round((~identified).sum() * 0.8)))
    anonymous_author = np.where(identified, -1, rng.integers(0, n_anonymous_authors, n_conversations))
    platform = np.where(identified, identities["platform"][np.maximum(identity, 0)] if n_identities else 0,
                        rng.choice(len(PLATFORMS), n_conversations, p=mix(params.platform_mix, PLATFORMS)))
    brands = tuple(params.brand_mix)
    brand = rng.choice(len(brands), n_conversations, p=mix(params.brand_mix, brands))
    customer = np.where(identified, identities["customer"][np.maximum(identity, 0)] if n_identities else -1,
                        -1)
    earliest = np.where(identified, customers["active_from"][np.maximum(customer, 0)], start_s)
    root_at = sample_arrivals(rng, profile, earliest)

    log = PostLog()
    root_post = log.add(np.arange(n_conversations), root_at, False, np.full(n_conversations, -1), ROOT)
    answered = rng.random(n_conversations) < params.social_answered_share
    double_posted = np.flatnonzero(rng.random(n_conversations) < params.social_double_post_share)
    double_post_at = root_at[double_posted] + lognormal_seconds(
        rng, params.social_double_post_delay_median_minutes * MINUTE, 0.8, len(double_posted))
    log.add(double_posted, double_post_at, False, root_post[double_posted], DOUBLE_POST)
    last_customer_post_at = root_at.copy()
    last_customer_post_at[double_posted] = double_post_at

    # the brand's answer, then rounds of customer follow-up and brand answer
    thread = np.flatnonzero(answered)
    brand_post_at = last_customer_post_at[thread] + lognormal_seconds(
        rng, params.brand_reply_delay_median_minutes * MINUTE, params.brand_reply_delay_sigma, len(thread))
    brand_post = log.add(thread, brand_post_at, True, root_post[thread], BRAND_REPLY)
    for _ in range(params.social_max_followup_rounds):
        keep = rng.random(len(thread)) < params.social_followup_share
        thread, brand_post, brand_post_at = thread[keep], brand_post[keep], brand_post_at[keep]
        followup_at = brand_post_at + lognormal_seconds(
            rng, params.social_followup_delay_median_minutes * MINUTE, 1.0, len(thread))
        followup = log.add(thread, followup_at, False, brand_post, CUSTOMER_FOLLOWUP)
        keep = rng.random(len(thread)) < params.social_brand_followup_share
        thread, followup, followup_at = thread[keep], followup[keep], followup_at[keep]
        brand_post_at = followup_at + lognormal_seconds(
            rng, params.brand_reply_delay_median_minutes * MINUTE, params.brand_reply_delay_sigma, len(thread))
        brand_post = log.add(thread, brand_post_at, True, followup, BRAND_FOLLOWUP)

    all_posts = log.frame()
    # truncate at window end (children are always later than parents), order by time -> post ids
    kept = np.flatnonzero(all_posts["created"] < end_s)
    kept = kept[np.lexsort((all_posts["seq"][kept], all_posts["conversation"][kept],
                            all_posts["created"][kept]))]
    post_number = np.full(len(all_posts["created"]), -1)
    post_number[kept] = np.arange(len(kept))
    posts = {key: values[kept] for key, values in all_posts.items()}
    posts["parent"] = np.where(posts["parent"] >= 0, post_number[np.maximum(posts["parent"], 0)], -1)
    has_brand_post = np.zeros(n_conversations, bool)
    has_brand_post[posts["conversation"][posts["is_brand"]]] = True
    conversations = {
        "identified": identified, "identity": identity, "anonymous_author": anonymous_author,
        "platform": platform, "brand": brand, "customer": customer, "root_at": root_at,
        "root_post": post_number[root_post], "answered": has_brand_post & (root_at < end_s),
        "in_window": root_at < end_s, "n_anonymous_authors": np.array([n_anonymous_authors]),
    }
    return conversations, posts
