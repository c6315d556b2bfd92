"""What every Confide action shares: its services, injected by the engine or built from the environment."""
from __future__ import annotations

import importlib
import pkgutil
from abc import ABCMeta, abstractmethod
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from rasa_sdk.executor import ActionExecutor

from coach.identity import UserRef
from coach.services import Services, services_from_env


class UsesServices:
    def __init__(self, services: Services | None = None) -> None:
        self._services = services

    @property
    def services(self) -> Services:
        if self._services is None:
            self._services = services_from_env()
        return self._services

    @staticmethod
    def user_ref(tracker: Tracker) -> UserRef:
        return UserRef.from_sender_id(tracker.sender_id)


class CoachAction(UsesServices, Action, metaclass=ABCMeta):
    """A custom action; subclasses define `name()` and `run()`."""

    @abstractmethod
    def name(self) -> str:
        """The action's name in the domain, e.g. `action_save_checkin`."""


class CoachFormValidation(UsesServices, FormValidationAction, metaclass=ABCMeta):
    """A form's slot validation; subclasses define `name()` and `validate_<slot>()`."""

    @abstractmethod
    def name(self) -> str:
        """The validation action's name, `validate_<form name>`."""


def _concrete_subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        if not getattr(sub, "__abstractmethods__", None) and sub.__module__.startswith("coach."):
            found.append(sub)
        found.extend(_concrete_subclasses(sub))
    return found


def build_executor(services: Services) -> ActionExecutor:
    """Import every action module and register one instance of each action, sharing `services`."""
    import coach.actions as package

    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
    executor = ActionExecutor()
    for cls in dict.fromkeys(_concrete_subclasses(UsesServices)):
        executor.register_action(cls(services))
    return executor


def action_names() -> list[str]:
    """Names of all custom actions, for checks against the domain."""
    executor = build_executor(Services.__new__(Services))
    return sorted(executor.actions)


def slot(tracker: Tracker, name: str, default: Any = None) -> Any:
    value = tracker.get_slot(name)
    return default if value is None else value


class FreeTextFormValidation(CoachFormValidation, metaclass=ABCMeta):
    """A form that takes his own words as answers, and lets him leave whenever he means to.

    `from_text` would take "/provider" or "stop" as an answer; here a message that leaves the
    form (see `coach.actions.answers.leaves_form`) rejects the form instead, so the rules for
    stop, help, crisis or another flow take the turn.
    """

    own_intents: frozenset[str] = frozenset()

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        from coach.actions.answers import just_spoke, leaves_form

        asking, form = tracker.get_slot("requested_slot"), self.form_name()
        # Only his newest words can lead out; when the form resumes after a detour, it asks again.
        if asking and tracker.active_loop.get("name") == form and just_spoke(tracker, form) \
                and leaves_form(tracker.latest_message or {}, self.own_intents):
            return [SlotSet(asking, None), ActionExecutionRejected(form)]
        return await super().run(dispatcher, tracker, domain)
