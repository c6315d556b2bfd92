"""Per-user rate limit, and the checks that spare Rasa from text it can't use."""
from __future__ import annotations

import re
import time
import unicodedata
from collections import defaultdict, deque

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class RateLimiter:
    """At most `limit` messages per `window_s` seconds per conversation."""

    def __init__(self, limit: int, window_s: float, clock=time.monotonic) -> None:
        self.limit, self.window_s, self.clock = limit, window_s, clock
        self._seen: dict[str, deque[float]] = defaultdict(deque)

    def allow(self, key: str) -> bool:
        now = self.clock()
        seen = self._seen[key]
        while seen and now - seen[0] >= self.window_s:
            seen.popleft()
        if len(seen) >= self.limit:
            return False
        seen.append(now)
        return True


def clean_text(text: object) -> str:
    """Text as a string, without control characters (newlines and tabs become spaces)."""
    if not isinstance(text, str):
        return ""
    text = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return _CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()


def has_words(text: str) -> bool:
    return any(unicodedata.category(ch)[0] in "LN" for ch in text)


def mostly_non_latin(text: str) -> bool:
    """True for text mostly in scripts other than Latin (Cyrillic, CJK, Arabic...)."""
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if ch.isascii() or "LATIN" in unicodedata.name(ch, ""))
    return bool(letters) and latin < len(letters) / 2
