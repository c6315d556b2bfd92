"""His words as the coach handles them: tidied from a form, and quoted back."""
from __future__ import annotations

import re
from typing import Any


def free_text(value: Any, limit: int = 500) -> str:
    """'' for nothing, or for a payload such as '/start_reframe' (his own flow restarted mid-form)."""
    text = re.sub(r"\s+", " ", str(value or "")).strip()
    return "" if text.startswith("/") else text[:limit]


def quoted(text: str) -> str:
    """His words in quotes, without a full stop that would clash with the sentence around them."""
    return f"\"{text.strip().rstrip('.')}\""

