"""Build the coach from settings: database, model (trained if needed), actions, Rasa agent."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from coach.quiet import configure_logging
from coach.settings import Settings


async def build_coach(settings: Settings, out: TextIO = sys.stderr, model_path: Path | None = None):
    """The coach, ready to talk. Trains the model first if the training data changed."""
    configure_logging(settings.log_level)
    from rasa.core.agent import Agent

    from coach import content
    from coach.actions.base import build_executor
    from coach.engine import Coach
    from coach.graph_runner import use_sequential_graph_runner
    from coach.identity import UserRef
    from coach.inprocess import InProcessActionEndpoint, speed_up_action_result_validation
    from coach.practice.grader import load_grader
    from coach.practice.scenarios import library
    from coach.safety.detector import default_detector
    from coach.safety.resources import default_resources
    from coach.services import Services
    from coach.storage.trackers import ConsentAwareTrackerStore
    from coach.storage.users import has_consented
    from coach.training import TrainingData, ensure_model

    speed_up_action_result_validation()
    use_sequential_graph_runner()
    services = Services.from_settings(settings)
    model = model_path or ensure_model(TrainingData(settings.project_root), settings.models_dir, out)
    services.grader = load_grader(settings.project_root, settings.models_dir, out)

    def consented(sender_id: str) -> bool:
        with services.database.unit_of_work() as session:
            return has_consented(session, UserRef.from_sender_id(sender_id))

    trackers = ConsentAwareTrackerStore(domain=None, database=services.database, has_consented=consented)
    # Content is read now rather than by the first turn that needs it.
    content.load_all()
    library()
    default_resources()
    endpoint = InProcessActionEndpoint(build_executor(services))
    agent = Agent.load(str(model), tracker_store=trackers, action_endpoint=endpoint)
    return Coach(agent, services, trackers, default_detector())
