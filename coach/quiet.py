"""Keep Rasa, TensorFlow and friends quiet and private: no telemetry, no debug logs, no chatter."""
from __future__ import annotations

import logging
import os
import sys
import warnings

NOISY_LOGGERS = ("rasa", "rasa_sdk", "tensorflow", "absl", "apscheduler", "sanic", "matplotlib",
                 "aiohttp", "asyncio", "urllib3", "httpx", "telegram", "discord", "sqlalchemy")


def quiet_environment() -> None:
    """Must run before Rasa is imported: these are read at import time."""
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
    os.environ.setdefault("LOG_LEVEL_LIBRARIES", "ERROR")
    os.environ.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    os.environ.setdefault("MPLBACKEND", "Agg")
    # TensorFlow Lite imports jax when it is installed (~1.7 s) for a converter Confide never
    # uses; it treats a failed import as "no jax", so we make the import fail.
    sys.modules.setdefault("jax", None)
    for category in (DeprecationWarning, FutureWarning, PendingDeprecationWarning, UserWarning):
        warnings.filterwarnings("ignore", category=category)
    # Libraries imported later (sanic) turn deprecation warnings back on; we still don't show them.
    if not getattr(warnings.showwarning, "drops_library_noise", False):
        warnings.showwarning = _without_library_noise(warnings.showwarning)


def _without_library_noise(show):
    def showwarning(message, category, *args, **kwargs):
        if not issubclass(category, (DeprecationWarning, PendingDeprecationWarning, FutureWarning)):
            show(message, category, *args, **kwargs)

    showwarning.drops_library_noise = True
    return showwarning


def configure_logging(level: str = "WARNING") -> None:
    """Our own logs at `level`; libraries at WARNING or quieter. Nothing here logs message text."""
    quiet_environment()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(level)
    for name in NOISY_LOGGERS:
        logging.getLogger(name).setLevel(max(logging.WARNING, logging.getLevelName(level)))
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(max(logging.WARNING, logging.getLevelName(level)))
    for category in (DeprecationWarning, FutureWarning, PendingDeprecationWarning, UserWarning):
        warnings.filterwarnings("ignore", category=category)
