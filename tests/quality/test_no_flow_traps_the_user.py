"""No form swallows a way out: every free-text answer lets a crisis through, and the form's
validation lets him leave for stop, help, the data commands or another flow (tested per flow)."""
from __future__ import annotations

from pathlib import Path

from rasa.shared.core.domain import Domain

from coach.actions.base import FreeTextFormValidation, build_executor
from coach.services import Services

ROOT = Path(__file__).resolve().parents[2]
# Practice replies are role-play lines ("forget about it" reads as `stop`); its validation decides.
OWN_BREAK_OUT_RULES = {"validate_practice_form"}


def _forms_with_free_text(domain: Domain) -> dict[str, list[str]]:
    forms: dict[str, list[str]] = {}
    for slot in domain.slots:
        for mapping in slot.mappings:
            if mapping.get("type") == "from_text":
                for condition in mapping.get("conditions") or []:
                    forms.setdefault(condition["active_loop"], []).append(slot.name)
                assert "crisis" in (mapping.get("not_intent") or []), f"{slot.name} would swallow a crisis"
    return forms


def test_every_free_text_form_lets_him_leave():
    domain = Domain.load(str(ROOT / "domain"))
    actions = build_executor(Services.__new__(Services)).actions
    for form in _forms_with_free_text(domain):
        validation = f"validate_{form}"
        assert validation in actions, f"{form} has free-text answers but no validation to leave it"
        action = actions[validation].__self__ if hasattr(actions[validation], "__self__") else None
        assert isinstance(action, FreeTextFormValidation) or validation in OWN_BREAK_OUT_RULES, validation
