"""Small readers for assertions on a coach Turn."""
from __future__ import annotations


def texts(turn) -> str:
    """Every reply's text in the turn, joined by newlines."""
    return "\n".join(r.text for r in turn.replies)


def payloads(turn) -> list[str]:
    """Every button payload offered in the turn, in order."""
    return [b.payload for r in turn.replies for b in r.buttons]


def skill_events(coach, user) -> list[tuple[str, str | None]]:
    """(skill, detail) of every SkillEvent stored for `user`, oldest first."""
    from sqlalchemy import select

    from coach.storage.models import SkillEvent, User

    with coach.services.database.unit_of_work() as session:
        query = (select(SkillEvent.skill, SkillEvent.detail).join(User, SkillEvent.user_id == User.id)
                 .where(User.platform == user.platform, User.platform_id == user.platform_id)
                 .order_by(SkillEvent.id))
        return [tuple(row) for row in session.execute(query)]


def tracker_for(sender_id: str, slots: dict | None = None, active_loop: str | None = None,
                text: str = "", intent: str = "nlu_fallback", events: list | None = None):
    """A rasa_sdk Tracker as the action server would get it, for action tests."""
    from rasa_sdk import Tracker

    latest = {"text": text, "intent": {"name": intent, "confidence": 0.5}, "entities": []}
    return Tracker(sender_id, slots or {}, latest, events or [], False, None,
                   {"name": active_loop} if active_loop else {}, "action_listen")


# Forms, a fallback, a crisis with its follow-up, leaving a flow, a reframe, a practice scenario, /forget.
LONG_CONVERSATION = ["hi", "/give_consent", "UK", "let's do a check in", "3", "kinda stressed",
                     "zxqv blorp", "/provider", "the mortgage went up", "stop", "I want to kill myself",
                     "a bit better", "/reframe", "/practice", "2", "sounds rough, what happened?", "/help",
                     "/forget", "bye"]


async def compared_through_a_conversation(coach, user, monkeypatch, owner, name: str, rasas_way,
                                          view=lambda result: result) -> list[tuple]:
    """Play LONG_CONVERSATION with `owner.<name>` (a speed-up) watched: for every call, what it gave
    and what `rasas_way` gives for the same arguments, both seen through `view`."""
    ours_way = getattr(owner, name)
    compared = []

    def watched(*args):
        ours = ours_way(*args)
        compared.append((view(ours), view(rasas_way(*args))))
        return ours

    monkeypatch.setattr(owner, name, watched)
    for text in LONG_CONVERSATION:
        await coach.handle(user, text)
    monkeypatch.setattr(owner, name, ours_way)
    return compared
