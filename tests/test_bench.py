"""`coach bench` runs and reports every figure the README quotes. Its numbers are not asserted: it is a benchmark."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COACH = str(Path(sys.executable).with_name("coach"))


def test_bench_json_reports_every_figure(trained_model):
    env = {**os.environ, "CONFIDE_MODELS_DIR": str(trained_model.parent)}
    done = subprocess.run([COACH, "bench", "--users", "2", "--no-baseline", "--reuse-model", "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout)  # stdout is the one JSON object, nothing else
    assert {"load_s", "p50_ms", "p95_ms", "p99_ms", "turns_per_s", "peak_rss_mb", "train_s", "baseline"} <= set(figures)
    assert figures["turns"] > 0 and figures["p50_ms"] <= figures["p95_ms"] <= figures["p99_ms"]
    assert figures["peak_rss_mb"] > 0 and figures["baseline"] is None


def test_peak_rss_is_the_measured_process_own_not_its_parents():
    """The bench measures in a child of a process that may just have trained a model."""
    ballast = b"\1" * (400 * 1024 * 1024)  # written byte by byte, so every page is resident
    child = "from coach.bench import peak_rss_mb; print(round(peak_rss_mb()))"
    done = subprocess.run([sys.executable, "-c", child], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert 0 < int(done.stdout) < 200
    del ballast
