"""The texts of the demo data: ticket subjects, social posts, survey comments, social handles."""

from __future__ import annotations

from cx_metrics.generate.contract import GROUPS

TICKET_SUBJECTS: dict[str, tuple[str, ...]] = {
    "billing": ("Charged twice for my subscription", "Question about my latest invoice",
                "Refund request", "Update payment method", "Unexpected fee on statement",
                "Cancel auto-renewal"),
    "technical": ("Cannot log in to my account", "App crashes on startup",
                  "Error when exporting report", "Password reset email never arrives",
                  "Two-factor code not accepted", "Page keeps loading forever"),
    "account": ("Change the email on my account", "Add a user to our team",
                "Close my account", "Update company address", "Merge duplicate accounts"),
    "shipping": ("Where is my order?", "Package arrived damaged", "Delivery address change",
                 "Wrong item delivered", "Tracking number not working"),
    "general": ("Question about your service", "Feedback on the new app",
                "How do I contact sales?", "Request for documentation", "General inquiry"),
}

SOCIAL_ROOT = (
    "my card got declined again at checkout, what is going on?",
    "been waiting 40 minutes on the phone, is anyone there?",
    "can't log in to the app since the last update",
    "still waiting for my refund from two weeks ago",
    "why was I charged twice this month??",
    "my delivery is three days late and tracking shows nothing",
    "the app keeps crashing when I open my account",
    "how do I change the address on my account?",
    "your website is down again",
    "love the new app design, nice work!",
    "is there an outage right now? nothing loads",
    "I have been trying to reach support for days",
    "my flight booking disappeared from the app",
    "lost my password and the reset link never arrives",
    "do you ship to Canada?",
)
SOCIAL_BUMP = (
    "hello?? anyone?", "still no answer...", "any update on this?",
    "really disappointed nobody replies here", "this is getting ridiculous",
    "please help, it's urgent",
)
SOCIAL_BRAND_REPLY = (
    "Sorry to hear that! Could you DM us your account email so we can take a look?",
    "Thanks for reaching out, we're looking into it right now.",
    "We're sorry for the trouble. Please send us a DM with your order number.",
    "Hi! That's not the experience we want for you. Our team will follow up by DM.",
    "Thanks for the kind words, we'll pass them on to the team!",
    "We're aware of an issue and are working on a fix. Thanks for your patience.",
)
SOCIAL_CUSTOMER_FOLLOWUP_OK = (
    "thanks, that fixed it!", "DM sent", "ok, thanks for the quick reply",
    "sent you the details",
)
SOCIAL_CUSTOMER_FOLLOWUP_BAD = (
    "still not working...", "that didn't help at all", "I already sent a DM yesterday, no reply",
)
SOCIAL_BRAND_FOLLOWUP_OK = (
    "Glad we could help!", "Thanks, we've replied in DM.", "Got it, our team is on it.",
)
SOCIAL_BRAND_FOLLOWUP_BAD = (
    "Sorry it's still not working, we've escalated it.",
    "Apologies for the delay, a specialist will DM you today.",
)

COMMENTS_POSITIVE = (
    "The agent was really helpful with my billing question.",
    "Quick answer and my refund arrived the next day.",
    "Great support, the login issue was fixed in minutes.",
    "Very friendly and helpful agent, thank you!",
    "Delivery was on time and support kept me updated.",
    "Easy to reach someone and they solved it right away.",
    "Fast and clear answer, much appreciated.",
)
COMMENTS_NEUTRAL = (
    "It took a while but the billing problem is sorted now.",
    "Support was ok, the answer was a bit slow.",
    "Delivery was fine, the app could be easier to use.",
    "Agent was polite but I had to explain the login issue twice.",
    "Refund processed, though I had to ask more than once.",
    "Average experience, nothing special.",
)
COMMENTS_NEGATIVE = (
    "Slow answer, I waited days for a reply.",
    "Still waiting for my refund, very frustrating.",
    "Nobody answered my message about the delivery.",
    "I was charged twice and billing did not help.",
    "Login still does not work after three contacts.",
    "The agent closed my ticket without fixing anything.",
    "Terrible support, nobody replied to my post.",
)

#: every subject, group by group in GROUPS order (a ticket's subject code indexes this)
ALL_SUBJECTS: tuple[str, ...] = tuple(subject for group in GROUPS for subject in TICKET_SUBJECTS[group])

#: positive, neutral and negative comments in that order (a response's comment code indexes this)
ALL_COMMENTS: tuple[str, ...] = COMMENTS_POSITIVE + COMMENTS_NEUTRAL + COMMENTS_NEGATIVE

#: first names of the customers' social handles (@<name><customer number>[_tw|_fb|_ig])
HANDLE_NAMES = ("maria", "john", "li", "fatima", "alex", "sam", "priya", "omar", "emma",
                "lucas", "yuki", "sofia", "noah", "aisha", "david", "chen", "laura", "mateo")
