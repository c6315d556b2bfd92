"""Run Rasa's prediction graph in plain Python instead of through dask.

Rasa 3.6 hands each parse and each prediction to `dask.get`, which rebuilds, orders and
schedules a task graph on every call. Our graphs are small and run on one thread anyway, so
walking the same nodes in dependency order gives the same results for a fraction of the work.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner


class SequentialGraphRunner(DaskGraphRunner):
    """A drop-in `DaskGraphRunner`: same nodes, same inputs and outputs, no dask scheduling."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: Dict[Tuple[Text, ...], List[Tuple[Text, Tuple[Text, ...]]]] = {}

    def run(self, inputs: Optional[Dict[Text, Any]] = None,
            targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        run_targets = list(targets) if targets else list(self._graph_schema.target_names)
        results: Dict[Text, Any] = {}
        for name, value in (inputs or {}).items():
            if name in self._graph_schema.nodes:
                raise GraphRunError(f"Input '{name}' clashes with a node name.")
            results[name] = (name, value)
        try:
            for node_name, needs in self._plan(tuple(run_targets)):
                arguments = [results.get(need, need) for need in needs]  # as dask: unknown keys pass as names
                results[node_name] = self._instantiated_nodes[node_name](*arguments)
        except RuntimeError as error:
            raise GraphRunError("Error running runner.") from error
        return dict(results[target] for target in run_targets)

    def _plan(self, targets: Tuple[Text, ...]) -> List[Tuple[Text, Tuple[Text, ...]]]:
        """The nodes the targets need, each after the nodes it depends on."""
        if targets not in self._plans:
            nodes = self._graph_schema.nodes
            ordered: List[Tuple[Text, Tuple[Text, ...]]] = []
            seen: set = set()

            def visit(name: Text) -> None:
                if name in seen or name not in nodes:
                    return
                seen.add(name)
                needs = tuple(nodes[name].needs.values())
                for need in needs:
                    visit(need)
                ordered.append((name, needs))

            for target in targets:
                visit(target)
            self._plans[targets] = ordered
        return self._plans[targets]


def use_sequential_graph_runner() -> None:
    """Make Rasa's processor load models with the sequential runner."""
    import rasa.core.processor

    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner
