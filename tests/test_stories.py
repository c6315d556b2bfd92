"""The Rasa test stories in tests/stories/ (literal user text) against the trained model."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


async def test_every_test_story_predicts_every_action(trained_model, tmp_path):
    from rasa.core.agent import Agent
    from rasa.core.test import test as test_stories

    agent = Agent.load(str(trained_model))
    await test_stories(str(ROOT / "tests" / "stories"), agent, out_directory=str(tmp_path),
                       disable_plotting=True, errors=True, warnings=False)
    failed = (tmp_path / "failed_test_stories.yml").read_text(encoding="utf-8")
    assert "None of the test stories failed" in failed, failed
