"""The progress chart: mood over time and skills practised, drawn to a PNG (no display needed)."""
from __future__ import annotations

import hashlib
import os
from datetime import datetime, timedelta
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, DateFormatter, DayLocator
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

MOOD_COLOUR = "#2f6f8f"
SKILL_COLOUR = "#d08a3a"
EMPTY_COLOUR = "#888888"


def chart_path(charts_dir: Path, sender_id: str) -> Path:
    """One chart file per user, named by a digest so no platform id appears on disk."""
    digest = hashlib.sha256(sender_id.encode("utf-8")).hexdigest()[:20]
    return Path(charts_dir) / f"progress-{digest}.png"


def remove_chart(charts_dir: Path, sender_id: str) -> None:
    """Delete a user's chart, e.g. when he asks to be forgotten."""
    chart_path(charts_dir, sender_id).unlink(missing_ok=True)


def draw_progress_chart(moods: list[tuple[datetime, int]], skills: dict[str, int], path: Path) -> Path:
    """Draw mood over time (top) and skills practised (bottom) to `path`; returns `path`."""
    figure = Figure(figsize=(8, 7), dpi=100)
    FigureCanvasAgg(figure)
    # Fixed margins: matplotlib's constrained layout would cost more than the drawing itself.
    figure.subplots_adjust(left=0.13, right=0.97, top=0.95, bottom=0.08, hspace=0.35)
    mood_axes, skill_axes = figure.subplots(2, 1, gridspec_kw={"height_ratios": [3, 2]})
    _draw_moods(mood_axes, moods)
    _draw_skills(skill_axes, skills)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    # Light compression: a 20% larger file, drawn ~15% faster (zlib's default level is slow).
    figure.savefig(partial, format="png", pil_kwargs={"compress_level": 1})
    os.replace(partial, path)  # a reader never sees a half-written chart
    return path


def _draw_moods(axes, moods: list[tuple[datetime, int]]) -> None:
    axes.set_title("Mood over time", loc="left", fontsize=13)
    axes.set_ylim(0.5, 5.5)
    axes.set_yticks([1, 2, 3, 4, 5], ["1 rough", "2", "3", "4", "5 great"])
    axes.grid(axis="y", alpha=0.3)
    if not moods:
        _empty(axes, "No check-ins yet: /checkin starts your first.")
        axes.set_xticks([])
        return
    times = [when for when, _ in moods]
    values = [mood for _, mood in moods]
    axes.plot(times, values, color=MOOD_COLOUR, marker="o", linewidth=2)
    if max(times) - min(times) < timedelta(days=3):  # a few days: one tick a day, with some room
        axes.set_xlim(min(times) - timedelta(days=1), max(times) + timedelta(days=1))
        axes.xaxis.set_major_locator(DayLocator())
    else:
        axes.xaxis.set_major_locator(AutoDateLocator(maxticks=8))
    axes.xaxis.set_major_formatter(DateFormatter("%d %b"))


def _draw_skills(axes, skills: dict[str, int]) -> None:
    axes.set_title("Skills practised", loc="left", fontsize=13)
    if not skills:
        _empty(axes, "Nothing practised yet: try /listen or /practice.")
        axes.set_xticks([])
        axes.set_yticks([])
        return
    names = [name.replace("_", " ").capitalize() for name in skills][::-1]
    counts = list(skills.values())[::-1]
    axes.barh(names, counts, color=SKILL_COLOUR, height=0.6)
    axes.set_xlim(0, max(3, max(counts) + 1))
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("times")
    axes.grid(axis="x", alpha=0.3)


def _empty(axes, message: str) -> None:
    axes.text(0.5, 0.5, message, transform=axes.transAxes, ha="center", va="center", color=EMPTY_COLOUR)

