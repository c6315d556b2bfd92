"""Small readers for assertions on a coach Turn."""
from __future__ import annotations


def texts(turn) -> str:
    """Every reply's text in the turn, joined by newlines."""
    return "\n".join(r.text for r in turn.replies)


def payloads(turn) -> list[str]:
    """Every button payload offered in the turn, in order."""
    return [b.payload for r in turn.replies for b in r.buttons]
