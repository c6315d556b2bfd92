"""The last NLU step: the crisis lexicon and the model's crisis intent decide together.

It sees the raw message text, after every classifier and the fallback, so no other intent and
no low-confidence fallback can hide a crisis; and an idiom or a negation can't raise a false one.
"""
from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from coach.safety.detector import CrisisDetector, default_detector

CRISIS_INTENT = "crisis"
FALLBACK_INTENT = "nlu_fallback"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisGuard(GraphComponent, IntentClassifier):
    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"model_threshold": 0.5, "fallback_threshold": 0.35}

    def __init__(self, config: dict[str, Any], detector: CrisisDetector) -> None:
        self.config = config
        self.detector = detector

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "CrisisGuard":
        return cls(config, default_detector())

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._guard(message)
        return messages

    def _guard(self, message: Message) -> None:
        text = message.get(TEXT)
        if not text or not message.get(INTENT):
            return
        assessment = self.detector.assess(text)
        ranking = message.get(INTENT_RANKING_KEY) or []
        model_confidence = next((r["confidence"] for r in ranking if r["name"] == CRISIS_INTENT), 0.0)
        if assessment.crisis:
            self._set_intent(message, CRISIS_INTENT, 1.0, "lexicon")
        elif model_confidence >= self.config["model_threshold"] and not assessment.benign:
            self._set_intent(message, CRISIS_INTENT, model_confidence, "model")
        elif message.get(INTENT).get("name") == CRISIS_INTENT:
            self._demote(message, ranking)

    @staticmethod
    def _set_intent(message: Message, name: str, confidence: float, source: str) -> None:
        message.set(INTENT, {"name": name, "confidence": confidence})
        message.set("safety", {"crisis": name == CRISIS_INTENT, "source": source})

    def _demote(self, message: Message, ranking: list[dict]) -> None:
        """The model said crisis, but the text is an idiom or a negation: take its next guess."""
        others = [r for r in ranking if r["name"] not in (CRISIS_INTENT, FALLBACK_INTENT)]
        best = others[0] if others else {"name": FALLBACK_INTENT, "confidence": 0.0}
        if best["confidence"] < self.config["fallback_threshold"]:
            best = {"name": FALLBACK_INTENT, "confidence": self.config["fallback_threshold"]}
        self._set_intent(message, best["name"], best["confidence"], "demoted")
        message.set(INTENT_RANKING_KEY, [r for r in ranking if r["name"] != CRISIS_INTENT])
