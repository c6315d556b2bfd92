"""`coach`: chat, train, bench, grade, and start the Telegram or Discord bot."""
from __future__ import annotations

import argparse
import asyncio
import sys

from coach.settings import Settings

LOCAL_USER = "local"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coach", description="Confide, a coach for emotional connection.")
    parser.add_argument("--db", help="database URL (overrides DATABASE_URL)")
    commands = parser.add_subparsers(dest="command", required=True)
    chat = commands.add_parser("chat", help="chat with the coach in the terminal")
    chat.add_argument("--json", action="store_true", help="print one JSON object per turn")
    chat.add_argument("--user", default=LOCAL_USER, help="which conversation (default: one local user)")
    chat.add_argument("--db", dest="chat_db", help="database URL (overrides DATABASE_URL)")
    train = commands.add_parser("train", help="train the coach's model and the practice grader")
    train.add_argument("--force", action="store_true", help="train even if the data is unchanged")
    evaluate = commands.add_parser("eval-nlu", help="cross-validate the coach's intent classification")
    evaluate.add_argument("--folds", type=int, default=5, help="folds (default 5)")
    evaluate.add_argument("--json", action="store_true", help="print Rasa's intent report as JSON")
    bench = commands.add_parser("bench", help="measure speed and memory against Rasa's default pipeline")
    bench.add_argument("--users", type=int, default=20, help="simulated users (default 20)")
    bench.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    bench.add_argument("--no-baseline", action="store_true", help="skip Rasa's default pipeline")
    bench.add_argument("--reuse-model", action="store_true", help="use the cached model; no training time")
    bot = commands.add_parser("discord", help="run the Discord bot (needs DISCORD_BOT_TOKEN)")
    bot.add_argument("--sync", action="store_true",
                         help="register the slash commands with Discord (once, and after an update)")
    commands.add_parser("telegram", help="run the Telegram bot (needs TELEGRAM_BOT_TOKEN)")
    grade = commands.add_parser("grade", help="grade practice replies read from stdin, one per line")
    grade.add_argument("--skill", choices=("listening", "disclosing"), default="listening",
                       help="which kinds of reply to tell apart (default: listening)")
    grade.add_argument("--eval", action="store_true",
                       help="instead, print the confusion matrix on the held-out sets in tests/practice/")
    purge = commands.add_parser("purge", help="delete conversation events older than the retention period")
    purge.add_argument("--days", type=int, help="retention in days (default: CONFIDE_RETENTION_DAYS or 90)")
    return parser


def main(argv: list[str] | None = None) -> int:
    from coach.quiet import quiet_environment

    quiet_environment()
    args = _parser().parse_args(argv)
    settings = Settings.from_env().with_database(getattr(args, "chat_db", None) or args.db)
    handlers = {"chat": _chat, "train": _train, "bench": _bench, "eval-nlu": _eval_nlu, "discord": _discord, "telegram": _telegram, "grade": _grade, "purge": _purge}
    try:
        return handlers[args.command](args, settings) or 0
    except KeyboardInterrupt:
        return 130


def _chat(args: argparse.Namespace, settings: Settings) -> int:
    from bots.terminal import chat
    from coach.bootstrap import build_coach
    from coach.identity import UserRef

    async def run() -> None:
        coach = await build_coach(settings)
        try:
            await chat(coach, UserRef("terminal", args.user), as_json=args.json)
        finally:
            await coach.close()

    asyncio.run(run())
    return 0


def _train(args: argparse.Namespace, settings: Settings) -> int:
    from coach.practice.grader import GraderData
    from coach.quiet import configure_logging
    from coach.training import TrainingData, ensure_model

    configure_logging(settings.log_level)
    path = ensure_model(TrainingData(settings.project_root), settings.models_dir, force=args.force)
    print(f"Model ready: {path}")
    grader = ensure_model(GraderData(settings.project_root), settings.models_dir, force=args.force)
    print(f"Practice grader ready: {grader}")
    return 0


def _eval_nlu(args: argparse.Namespace, settings: Settings) -> int:
    import json

    from coach.evaluation import cross_validate, report
    from coach.training import TrainingData

    print(f"Cross-validating the intents ({args.folds} folds; about a minute)...", file=sys.stderr)
    result = cross_validate(TrainingData(settings.project_root), args.folds)
    print(json.dumps(result) if args.json else report(result, args.folds))
    return 0


def _bench(args: argparse.Namespace, settings: Settings) -> int:
    import json

    from coach.bench import report, run
    from coach.quiet import configure_logging

    configure_logging(settings.log_level)
    result = run(args.users, baseline=not args.no_baseline, reuse_model=args.reuse_model)
    print(json.dumps(result) if args.json else report(result))
    return 0


NO_DISCORD_TOKEN = """coach discord: DISCORD_BOT_TOKEN is not set.
Create a bot at https://discord.com/developers/applications (Bot > Reset Token), then run:
  DISCORD_BOT_TOKEN=your-token coach discord --sync
--sync registers the slash commands; it's needed the first time and after an update."""


def _discord(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.discord_token:
        print(NO_DISCORD_TOKEN, file=sys.stderr)
        return 2
    import discord

    from bots.discord import run

    print("Confide is starting on Discord (Ctrl+C to stop; LOG_LEVEL=INFO shows when it's connected).",
          file=sys.stderr)
    try:
        asyncio.run(run(settings, sync_commands=args.sync))
    except discord.LoginFailure:
        print("coach discord: Discord refused DISCORD_BOT_TOKEN. Check the token and try again.",
              file=sys.stderr)
def _telegram(args: argparse.Namespace, settings: Settings) -> int:
    from bots.telegram.app import MissingToken, run

    try:
        run(settings)
    except MissingToken as error:
        print(error, file=sys.stderr)
        return 2
    return 0

def _grade(args: argparse.Namespace, settings: Settings) -> int:
    from coach.practice.cli import evaluate_heldout, grade_lines
    from coach.quiet import configure_logging

    configure_logging(settings.log_level)
    if args.eval:
        return asyncio.run(evaluate_heldout(settings, sys.stdout))
    return asyncio.run(grade_lines(settings, args.skill, sys.stdin, sys.stdout))

def _purge(args: argparse.Namespace, settings: Settings) -> int:
    """For a scheduler (cron): prints one line, exits non-zero on a bad --days."""
    from coach.storage.database import Database
    from coach.storage.privacy import purge_old_events

    days = settings.retention_days if args.days is None else args.days
    if days < 1:
        print("--days must be at least 1", file=sys.stderr)
        return 2
    database = Database(settings.database_url)
    try:
        deleted = purge_old_events(database, days)
    finally:
        database.dispose()
    print(f"Deleted {deleted} conversation events older than {days} days.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
