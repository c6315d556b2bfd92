"""After a crisis response, his next message gets a check-in before anything else.

Rules can't say "whatever he says next", so this small policy does: while the
`safety_followup` slot is set and no form is running, it predicts `action_safety_followup`
right after his message, with a priority above the rules. A few intents pass through (another
crisis, the safety plan, consent, country and the data-rights commands) and leave the check-in
for his next message; a yes to the plan offer starts the plan.
"""
from __future__ import annotations

from typing import Any

from rasa.core.policies.policy import Policy, PolicyPrediction
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.domain import Domain
from rasa.shared.core.generator import TrackerWithCachedStates
from rasa.shared.core.trackers import DialogueStateTracker

FOLLOWUP_SLOT = "safety_followup"
FOLLOWUP_ACTION = "action_safety_followup"
START_PLAN_ACTION = "action_start_safety_plan"
PASS_THROUGH = {"crisis", "start_safety_plan", "show_safety_plan", "privacy", "export", "forget",
                "set_country", "give_consent", "decline_consent"}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.POLICY_WITHOUT_END_TO_END_SUPPORT, is_trainable=True)
class SafetyFollowupPolicy(Policy):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"priority": 7}  # above RulePolicy (6): the check-in comes first

    def train(self, training_trackers: list[TrackerWithCachedStates], domain: Domain,
              **kwargs: Any) -> Resource:
        return self._resource  # nothing to learn

    def predict_action_probabilities(self, tracker: DialogueStateTracker, domain: Domain,
                                     rule_only_data: dict[str, Any] | None = None,
                                     **kwargs: Any) -> PolicyPrediction:
        action = self.next_action(tracker)
        if action is None:
            return self._prediction(self._default_predictions(domain))
        probabilities = self._default_predictions(domain)
        probabilities[domain.index_for_action(action)] = 1.0
        return self._prediction(probabilities)

    @staticmethod
    def next_action(tracker: DialogueStateTracker) -> str | None:
        if tracker.latest_action_name == FOLLOWUP_ACTION:
            return ACTION_LISTEN_NAME
        followup = tracker.get_slot(FOLLOWUP_SLOT)
        if not followup or tracker.active_loop_name or tracker.latest_action_name != ACTION_LISTEN_NAME:
            return None
        intent = tracker.latest_message.intent.get("name")
        if intent in PASS_THROUGH:
            return None
        if intent == "affirm" and followup == "offered":
            return START_PLAN_ACTION  # "yes" to the plan offer, whatever else is pending
        return FOLLOWUP_ACTION
