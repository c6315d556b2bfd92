"""`coach bench`: cold start, turn latency, throughput, memory and training time, against a baseline.

Each configuration is trained, then measured in a fresh process of its own, so load time and
peak RSS are not flattered by the other. The baseline is Rasa's default pipeline and policies
(what `rasa init` gives) trained on the same data.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coach.settings import PROJECT_ROOT

# Scripted conversations; each simulated user plays one, in turn with the others.
CONVERSATIONS = [
    ["hi", "/give_consent", '/set_country{"country": "GB"}', "let's do a check in", "3",
     "kinda stressed", "what can you do", "thanks", "bye"],
    ["hello", "yes", "I'm in the US", "/checkin", "2", "off", "zxqv blorp", "/help", "goodbye"],
    ["hey", "/give_consent", '/set_country{"country": "AU"}', "I feel like shit today", "1",
     "gutted", "are you a bot", "what is confide", "see ya"],
    ["morning", "sure", "Canada", "check in", "purple", "4", "proud", "stop", "cheers, bye"],
    ["hey", "/give_consent", "/country us", "/practice", "2", "sounds like a rough day, what happened?",
     "that must have been so frustrating", "/progress", "bye"],
    ["hi", "yes", "UK", "/provider", "work is mental and the mortgage went up", "worried", "keep it",
     "/listen", "next", "I want to kill myself", "no", "a bit better", "thanks, bye"],
]
BASELINE_CONFIG = """recipe: default.v1
language: en
assistant_id: confide-baseline
pipeline:
policies:
"""


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]


async def measure(model: Path, users: int, database_url: str) -> dict:
    """Load the engine on `model`, play `users` scripted users, report the figures."""
    started = time.perf_counter()
    from coach.bootstrap import build_coach
    from coach.identity import UserRef
    from coach.settings import Settings

    settings = Settings.from_env({"DATABASE_URL": database_url, "CONFIDE_RATE_LIMIT_MESSAGES": "1000000"})
    coach = await build_coach(settings, model_path=model)
    load_s = time.perf_counter() - started
    scripts = [(UserRef("bench", f"u{i}"), list(CONVERSATIONS[i % len(CONVERSATIONS)])) for i in range(users)]
    await coach.respond(UserRef("bench", "warmup"), "hi")
    latencies = []
    began = time.perf_counter()
    while any(script for _, script in scripts):
        for user, script in scripts:
            if script:
                text = script.pop(0)
                t0 = time.perf_counter()
                await coach.respond(user, text)
                latencies.append((time.perf_counter() - t0) * 1000)
    elapsed = time.perf_counter() - began
    await coach.close()
    return {"load_s": round(load_s, 2), "p50_ms": round(statistics.median(latencies), 1),
            "p95_ms": round(percentile(latencies, 95), 1), "p99_ms": round(percentile(latencies, 99), 1),
            "turns_per_s": round(len(latencies) / elapsed, 1), "peak_rss_mb": round(peak_rss_mb()),
            "turns": len(latencies)}


def peak_rss_mb() -> float:
    """This process's own peak RSS. Linux carries ru_maxrss over from the parent across fork and
    exec, so after `coach bench` has trained a model in the parent, ru_maxrss reports the training's
    peak; VmHWM belongs to the process's own address space."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _subprocess(args: list[str]) -> dict:
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false")
    done = subprocess.run([sys.executable, "-m", "coach.bench", *args], capture_output=True, text=True,
                          env=env, cwd=PROJECT_ROOT)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark step failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(users: int, baseline: bool, reuse_model: bool, out=sys.stderr) -> dict:
    from coach.settings import Settings
    from coach.training import TrainingData, ensure_model, train

    data = TrainingData(PROJECT_ROOT)
    with tempfile.TemporaryDirectory(prefix="confide-bench-") as tmp:
        tmp_path = Path(tmp)
        if reuse_model:
            model, train_s = ensure_model(data, Settings.from_env().models_dir, out), None
        else:
            print("Training Confide's pipeline...", file=out)
            train_s = train(data, tmp_path, "confide", out)
            model = tmp_path / "confide.tar.gz"
        print(f"Measuring Confide's pipeline with {users} users...", file=out)
        result = _subprocess(["--measure", str(model), "--users", str(users),
                              "--db", f"sqlite:///{tmp_path / 'confide.db'}"])
        result["train_s"] = round(train_s, 1) if train_s is not None else None
        result["baseline"] = _baseline(data, tmp_path, users, out) if baseline else None
    return result


def _baseline(data, tmp_path: Path, users: int, out) -> dict:
    from coach.training import TrainingData, train

    root = tmp_path / "baseline"
    root.mkdir()
    for name in ("domain", "nlu", "stories", "coach"):
        (root / name).symlink_to(data.root / name)
    (root / "config.yml").write_text(BASELINE_CONFIG)
    print("Training the baseline (Rasa's default pipeline; this takes a few minutes)...", file=out)
    train_s = train(TrainingData(root), tmp_path, "baseline", out)
    print(f"Measuring the baseline with {users} users...", file=out)
    result = _subprocess(["--measure", str(tmp_path / "baseline.tar.gz"), "--users", str(users),
                          "--db", f"sqlite:///{tmp_path / 'baseline.db'}"])
    result["train_s"] = round(train_s, 1)
    return result


def report(result: dict) -> str:
    rows = [("cold start (import + model load)", "load_s", "s"), ("turn latency p50", "p50_ms", "ms"),
            ("turn latency p95", "p95_ms", "ms"), ("turn latency p99", "p99_ms", "ms"),
            ("turns per second", "turns_per_s", ""), ("peak RSS", "peak_rss_mb", "MB"),
            ("training time", "train_s", "s")]
    baseline = result.get("baseline") or {}
    lines = [f"{'':34}{'Confide':>12}{'Rasa default':>16}"]
    for label, key, unit in rows:
        ours = "-" if result.get(key) is None else f"{result[key]} {unit}".strip()
        theirs = "-" if baseline.get(key) is None else f"{baseline[key]} {unit}".strip()
        lines.append(f"{label:34}{ours:>12}{theirs:>16}")
    lines.append(f"({result['turns']} turns; SQLite; custom actions in-process)")
    return "\n".join(lines)


def _measure_main(argv: list[str]) -> None:
    import argparse
    import asyncio

    parser = argparse.ArgumentParser()
    parser.add_argument("--measure", type=Path, required=True)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--db", required=True)
    args = parser.parse_args(argv)
    result = asyncio.run(measure(args.measure, args.users, args.db))
    print(json.dumps(result))


if __name__ == "__main__":
    _measure_main(sys.argv[1:])
