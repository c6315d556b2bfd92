"""Intent classification with a logistic regression that loads in milliseconds.

Rasa's own LogisticRegressionClassifier persists with skops, whose import walks every
scikit-learn module (~6 s of a cold start). This one trains the same balanced multinomial
logistic regression with scikit-learn, but persists only its weights as a plain .npz, and
predicts with numpy and scipy alone: no scikit-learn, skops or pickle at load time.
"""
from __future__ import annotations

from typing import Any

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.nlu.featurizers.featurizer import Featurizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from scipy.sparse import csr_matrix, hstack, issparse, vstack

WEIGHTS_FILE = "weights.npz"


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=True)
class LinearIntentClassifier(GraphComponent, IntentClassifier):
    @classmethod
    def required_components(cls) -> list[type]:
        return [Featurizer]

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"max_iter": 300, "C": 1.0, "tol": 1e-4, "random_state": 42, "ranking_length": 10}

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
                 weights: dict[str, np.ndarray] | None = None) -> None:
        self.config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._use(weights)

    def _use(self, weights: dict[str, np.ndarray] | None) -> None:
        self.weights = weights
        self._columns = _columns_by_origin(weights) if weights else {}
        # One row of scores per feature column, contiguous: a message's few active columns
        # are then gathered without touching the rest of the matrix.
        self._coef_by_column = np.ascontiguousarray(weights["coef"].T) if weights else None

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LinearIntentClassifier":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "LinearIntentClassifier":
        try:
            with model_storage.read_from(resource) as directory:
                with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as stored:
                    weights = {key: stored[key] for key in stored.files}
        except (ValueError, FileNotFoundError):
            weights = None  # trained without intent examples
        return cls(config, model_storage, resource, weights)

    def train(self, training_data: TrainingData) -> Resource:
        from sklearn.linear_model import LogisticRegression

        examples = [e for e in training_data.intent_examples if e.get(INTENT) and e.get(TEXT)]
        if not examples:
            return self._resource
        model = LogisticRegression(C=self.config["C"], max_iter=self.config["max_iter"],
                                   tol=self.config["tol"], random_state=self.config["random_state"],
                                   class_weight="balanced", solver="lbfgs")
        features, origins, offsets = _training_matrix(examples)
        model.fit(features, [e.get(INTENT) for e in examples])
        self._use({"coef": model.coef_, "intercept": model.intercept_,
                   "classes": np.array(model.classes_, dtype=str),
                   "origins": np.array(origins, dtype=str), "offsets": np.array(offsets)})
        with self._model_storage.write_to(self._resource) as directory:
            np.savez(directory / WEIGHTS_FILE, **self.weights)
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        if not self.weights or not messages:
            return messages
        classes = self.weights["classes"]
        for message in messages:
            row = self._probabilities(message)
            order = np.argsort(-row)[: self.config["ranking_length"]]
            ranking = [{"name": str(classes[i]), "confidence": float(row[i])} for i in order]
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set("intent_ranking", ranking, add_to_output=True)
        return messages

    def _probabilities(self, message: Message) -> np.ndarray:
        """Softmax of one message's scores, from its active feature columns only."""
        scores = self.weights["intercept"].astype(float)
        for origin, columns, values in _active_columns(message):
            if origin in self._columns and len(columns):
                start, width = self._columns[origin]
                inside = columns < width
                scores += values[inside] @ self._coef_by_column[start + columns[inside]]
        if self._coef_by_column.shape[1] == 1:  # two intents: scikit-learn fits one binary model
            positive = 1.0 / (1.0 + np.exp(-scores[0]))
            return np.array([1.0 - positive, positive])
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()


def _columns_by_origin(weights: dict[str, np.ndarray]) -> dict[str, tuple[int, int]]:
    """Where each featurizer's columns start in the weights, and how many it has."""
    origins, offsets = weights["origins"].tolist(), weights["offsets"].tolist()
    ends = offsets[1:] + [weights["coef"].shape[1]]
    return {origin: (start, end - start) for origin, start, end in zip(origins, offsets, ends)}


def _active_columns(message: Message) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """Each featurizer's sentence features of the text as (origin, columns, values), non-zero only."""
    active = []
    for feature in message.features:
        if feature.attribute == TEXT and feature.type == FEATURE_TYPE_SENTENCE:
            matrix = feature.features
            if issparse(matrix):
                row = matrix.tocoo()
                active.append((str(feature.origin), row.col, row.data.astype(float)))
            else:
                values = np.asarray(matrix, dtype=float).ravel()
                columns = np.flatnonzero(values)
                active.append((str(feature.origin), columns, values[columns]))
    return active


def _sentence_blocks(message: Message) -> list[tuple[str, csr_matrix]]:
    """Each featurizer's sentence-level features of the text, in a fixed order (by origin)."""
    blocks = [(str(f.origin), csr_matrix(f.features)) for f in message.features
              if f.attribute == TEXT and f.type == FEATURE_TYPE_SENTENCE]
    return sorted(blocks, key=lambda block: block[0])


def _training_matrix(messages: list[Message]) -> tuple[csr_matrix, list[str], list[int]]:
    """All messages' blocks side by side, with where each featurizer's columns start."""
    per_message = [_sentence_blocks(m) for m in messages]
    origins = [origin for origin, _ in per_message[0]]
    widths = [block.shape[1] for _, block in per_message[0]]
    rows = [hstack([block for _, block in blocks]) for blocks in per_message]
    return vstack(rows).tocsr(), origins, [int(sum(widths[:i])) for i in range(len(widths))]
