"""What the engine hands to an adapter: platform-free replies."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Document:
    """A file for the user alone (e.g. his data export). Built by the engine, never stored."""

    filename: str
    content: bytes
    mime_type: str = "application/json"


@dataclass(frozen=True)
class Reply:
    text: str = ""
    buttons: tuple[Button, ...] = ()
    image: str | None = None  # path to a PNG the adapter sends as a photo or attachment
    document: Document | None = None

    @classmethod
    def from_rasa(cls, message: dict[str, Any]) -> "Reply":
        buttons = tuple(Button(b["title"], b["payload"]) for b in message.get("buttons") or ())
        return cls(text=message.get("text") or "", buttons=buttons, image=message.get("image") or None)

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "buttons": [asdict(b) for b in self.buttons], "image": self.image,
                "document": self.document.filename if self.document else None}


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
