"""Everything Confide reads from the environment, in one typed place."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "confide.db"


def _int(env: dict, name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    return int(raw) if raw else default


@dataclass(frozen=True)
class Settings:
    database_url: str = f"sqlite:///{DEFAULT_DB_PATH}"
    project_root: Path = PROJECT_ROOT
    models_dir: Path = PROJECT_ROOT / "models"
    charts_dir: Path = PROJECT_ROOT / "var" / "charts"
    log_level: str = "WARNING"
    max_message_chars: int = 2000
    rate_limit_messages: int = 20
    rate_limit_window_s: int = 10
    retention_days: int = 90
    telegram_token: str | None = field(default=None, repr=False)
    telegram_api_base_url: str | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_port: int = 8443
    telegram_webhook_secret: str | None = field(default=None, repr=False)
    discord_token: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, env: dict | None = None) -> "Settings":
        env = dict(os.environ if env is None else env)
        defaults = cls()
        return cls(
            database_url=env.get("DATABASE_URL") or defaults.database_url,
            models_dir=Path(env.get("CONFIDE_MODELS_DIR") or defaults.models_dir),
            charts_dir=Path(env.get("CONFIDE_CHARTS_DIR") or defaults.charts_dir),
            log_level=(env.get("LOG_LEVEL") or defaults.log_level).upper(),
            max_message_chars=_int(env, "CONFIDE_MAX_MESSAGE_CHARS", defaults.max_message_chars),
            rate_limit_messages=_int(env, "CONFIDE_RATE_LIMIT_MESSAGES", defaults.rate_limit_messages),
            rate_limit_window_s=_int(env, "CONFIDE_RATE_LIMIT_WINDOW_S", defaults.rate_limit_window_s),
            retention_days=_int(env, "CONFIDE_RETENTION_DAYS", defaults.retention_days),
            telegram_token=env.get("TELEGRAM_BOT_TOKEN") or None,
            telegram_api_base_url=env.get("TELEGRAM_API_BASE_URL") or None,
            telegram_webhook_url=env.get("TELEGRAM_WEBHOOK_URL") or None,
            telegram_webhook_port=_int(env, "TELEGRAM_WEBHOOK_PORT", defaults.telegram_webhook_port),
            telegram_webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET") or None,
            discord_token=env.get("DISCORD_BOT_TOKEN") or None,
        )

    def with_database(self, url: str | None) -> "Settings":
        from dataclasses import replace

        return replace(self, database_url=url) if url else self
