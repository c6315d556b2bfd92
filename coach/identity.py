"""Who is talking: a platform and that platform's user id, never confused across platforms."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UserRef:
    platform: str
    platform_id: str

    def __post_init__(self) -> None:
        if not self.platform or ":" in self.platform:
            raise ValueError("platform must be a non-empty name without ':'")
        if not str(self.platform_id):
            raise ValueError("platform_id must not be empty")

    @property
    def sender_id(self) -> str:
        """The conversation id Rasa stores the tracker under."""
        return f"{self.platform}:{self.platform_id}"

    @classmethod
    def from_sender_id(cls, sender_id: str) -> "UserRef":
        platform, _, platform_id = sender_id.partition(":")
        return cls(platform, platform_id)
