"""What the engine hands to an adapter: platform-free replies."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    text: str = ""
    buttons: tuple[Button, ...] = ()
    image: str | None = None
    document: str | None = None

    @classmethod
    def from_rasa(cls, message: dict[str, Any]) -> "Reply":
        custom = message.get("custom") or {}
        buttons = tuple(Button(b["title"], b["payload"]) for b in message.get("buttons") or ())
        return cls(text=message.get("text") or "", buttons=buttons,
                   image=message.get("image") or None, document=custom.get("document"))

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["buttons"] = [asdict(b) for b in self.buttons]
        return data


@dataclass(frozen=True)
class Turn:
    """One exchange: what the user sent, how it was understood, and the coach's replies."""

    text: str
    replies: list[Reply] = field(default_factory=list)
    intent: str | None = None
    confidence: float = 0.0
    flow: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "intent": self.intent, "confidence": round(self.confidence, 4),
                "flow": self.flow, "replies": [r.as_dict() for r in self.replies]}
