"""The intent classifier predicts what scikit-learn's logistic regression predicts, after a reload too."""
from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import coo_matrix, hstack, vstack
from sklearn.linear_model import LogisticRegression

from coach.nlu_components.linear_intent_classifier import LinearIntentClassifier

WIDTHS = {"words": 12, "chars": 20}  # two featurizers, as in config.yml


def _message(rng: np.random.Generator, intent: str | None = None) -> Message:
    features = []
    for origin, width in WIDTHS.items():
        row = (rng.random(width) < 0.3) * rng.integers(1, 4, width)
        features.append(Features(coo_matrix(row.reshape(1, -1).astype(float)), FEATURE_TYPE_SENTENCE,
                                 TEXT, origin))
    data = {TEXT: "some words"}
    if intent:
        data[INTENT] = intent
    return Message(data=data, features=features)


def _matrix(messages: list[Message]):
    def row(message):
        by_origin = {f.origin: f.features for f in message.features}
        return hstack([by_origin[origin] for origin in sorted(WIDTHS)])

    return vstack([row(m) for m in messages]).tocsr()


@pytest.mark.parametrize("intents", [["greet", "goodbye"], ["greet", "goodbye", "help", "crisis"]])
def test_predictions_match_scikit_learn_before_and_after_loading(tmp_path, intents):
    rng = np.random.default_rng(7)
    examples = [_message(rng, intents[i % len(intents)]) for i in range(80)]
    unseen = [_message(rng) for _ in range(15)]
    storage, resource = LocalModelStorage(tmp_path), Resource("intent_classifier")
    context = ExecutionContext(GraphSchema({}), "test")
    trained = LinearIntentClassifier.create({}, storage, resource, context)
    trained.train(TrainingData(training_examples=examples))
    loaded = LinearIntentClassifier.load({}, storage, resource, context)

    reference = LogisticRegression(C=1.0, max_iter=300, tol=1e-4, random_state=42,
                                   class_weight="balanced", solver="lbfgs")
    reference.fit(_matrix(examples), [m.get(INTENT) for m in examples])
    expected = reference.predict_proba(_matrix(unseen))

    for classifier in (trained, loaded):
        for message, probabilities in zip(classifier.process([_copy(m) for m in unseen]), expected):
            ranking = {entry["name"]: entry["confidence"] for entry in message.get("intent_ranking")}
            assert ranking == pytest.approx(dict(zip(reference.classes_, probabilities)), abs=1e-9)
            assert message.get(INTENT)["name"] == reference.classes_[np.argmax(probabilities)]


def _copy(message: Message) -> Message:
    return Message(data=dict(message.data), features=list(message.features))
