"""The coach: one platform-free facade every adapter talks to.

A turn goes: rate limit -> safety check on the raw text -> input checks -> Rasa (NLU, policies,
custom actions, storage) -> replies.
"""
from __future__ import annotations

import logging
import traceback

from rasa.core.agent import Agent
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from coach.commands import command_payload
from coach.identity import UserRef
from coach.limits import RateLimiter, clean_text, has_words, mostly_non_latin
from coach.progress import remove_chart
from coach.replies import Button, Document, Reply, Turn
from coach.safety.detector import CrisisDetector
from coach.services import Services
from coach.storage import privacy
from coach.storage.trackers import ConsentAwareTrackerStore

logger = logging.getLogger(__name__)

CRISIS_PAYLOAD = "/crisis"
RECENT_BOT_MESSAGES = 30

EMPTY = "I didn't get any words there. Type a few, or /help to see what we can do."
NO_WORDS = ("I see symbols but no words, and I can only read words for now. "
            "How would you put it in a sentence?")
RATE_LIMITED = "Whoa, that's a lot of messages at once. Give me a few seconds, then carry on."
TOO_LONG = ("Thanks for writing all that. I read the first {cap:,} characters; shorter messages "
            "work best with me, so feel free to send the rest in pieces.")
NOT_ENGLISH = ("I can only understand English for now, sorry. If you're in danger, please call your "
               "local emergency number, or find a free helpline in your country at findahelpline.com.")
BROKEN = ("Sorry, something went wrong on my side. Nothing you said is lost; try again, or type /help.")


class Coach:
    def __init__(self, agent: Agent, services: Services, trackers: ConsentAwareTrackerStore,
                 detector: CrisisDetector) -> None:
        self.agent = agent
        self.services = services
        self.trackers = trackers
        self.detector = detector
        settings = services.settings
        self.max_chars = settings.max_message_chars
        self.rate_limiter = RateLimiter(settings.rate_limit_messages, settings.rate_limit_window_s)

    async def handle(self, user: UserRef, text: str | None) -> list[Reply]:
        return (await self.respond(user, text)).replies

    async def respond(self, user: UserRef, text: str | None) -> Turn:
        """One user message in, the coach's turn out. Never raises for anything the user sends."""
        raw = text if isinstance(text, str) else ""
        cleaned = clean_text(raw)
        crisis = self.detector.assess(cleaned).crisis
        if not self.rate_limiter.allow(user.sender_id):
            # Even a flood never hides a crisis: the lines go out without the rest of the turn.
            replies = await self._crisis_fallback(user) if crisis else [Reply(RATE_LIMITED)]
            return Turn(raw, replies, flow=await self.current_flow(user))
        notes: list[Reply] = []
        if crisis:
            message = CRISIS_PAYLOAD  # the words themselves are never stored
        elif not cleaned:
            return Turn(raw, [Reply(EMPTY, (Button("Show me the menu", "/help"),))],
                        flow=await self.current_flow(user))
        elif not has_words(cleaned):
            return Turn(raw, [Reply(NO_WORDS)], flow=await self.current_flow(user))
        elif mostly_non_latin(cleaned):
            return Turn(raw, [Reply(NOT_ENGLISH)], flow=await self.current_flow(user))
        else:
            if len(cleaned) > self.max_chars:
                cleaned = cleaned[: self.max_chars]
                notes.append(Reply(TOO_LONG.format(cap=self.max_chars)))
            message = await self._trusted_or_plain(user, cleaned)
        try:
            turn = await self._run_turn(user, message, raw)
        except Exception as error:  # noqa: BLE001 - a conversation must survive any failure
            _log_failure(user, error)
            self.trackers.drop_cached(user.sender_id)
            return Turn(raw, [Reply(BROKEN)] + (await self._crisis_fallback(user) if crisis else []))
        return Turn(raw, notes + turn.replies, turn.intent, turn.confidence, turn.flow)

    async def current_flow(self, user: UserRef) -> str | None:
        tracker = await self.trackers.retrieve(user.sender_id)
        return tracker.get_slot("flow") if tracker else None

    async def _trusted_or_plain(self, user: UserRef, text: str) -> str:
        """Only our commands and buttons we offered act as payloads; any other '/...' is plain text."""
        if not text.startswith("/"):
            return text
        command = command_payload(text)
        if command:
            return command
        if text in await self._offered_payloads(user):
            return text
        return text.lstrip("/").strip() or "slash"

    async def _offered_payloads(self, user: UserRef) -> set[str]:
        tracker = await self.trackers.retrieve(user.sender_id)
        if tracker is None:
            return set()
        bot_events = [e for e in reversed(tracker.events) if e.type_name == "bot"][:RECENT_BOT_MESSAGES]
        return {b.get("payload") for e in bot_events for b in (e.data or {}).get("buttons") or ()}

    async def _run_turn(self, user: UserRef, text: str, raw: str) -> Turn:
        channel = CollectingOutputChannel()
        message = UserMessage(text, channel, user.sender_id, input_channel=user.platform)
        processor = self.agent.processor
        # The steps of MessageProcessor.handle_message, keeping the tracker for intent and flow.
        async with self.agent.lock_store.lock(user.sender_id):
            tracker = await processor.log_message(message, should_save_tracker=False)
            tracker = await processor.run_action_extract_slots(channel, tracker)
            await processor._run_prediction_loop(channel, tracker)
            _keep_crisis_words_out(tracker)
            await processor.save_tracker(tracker)
            requests = {privacy.requested(m) for m in channel.messages} - {None}
            extra = self._carry_out(user, requests)
        replies = [Reply.from_rasa(m) for m in channel.messages if not privacy.requested(m)]
        return _turn_from(raw, tracker, replies + extra)

    def _carry_out(self, user: UserRef, requests: set[str]) -> list[Reply]:
        """Data requests from the privacy actions, done once the turn is saved."""
        if privacy.EXPORT_REQUEST in requests:
            export = privacy.export_user(self.services.database, user)
            if export is not None:
                filename = f"confide-export-{self.services.clock().date().isoformat()}.json"
                return [Reply(document=Document(filename, privacy.export_json(export)))]
        if privacy.FORGET_REQUEST in requests:
            privacy.forget_user(self.services.database, user)
            remove_chart(self.services.settings.charts_dir, user.sender_id)
            self.forget_conversation(user)
            logger.info("forgot a user on %s", user.platform)
        return []

    async def _crisis_fallback(self, user: UserRef) -> list[Reply]:
        """The crisis lines for his country, without Rasa (when a turn can't run normally)."""
        from coach.safety.messages import crisis_message
        from coach.safety.resources import default_resources

        try:
            tracker = await self.trackers.retrieve(user.sender_id)
            country = tracker.get_slot("country") if tracker else None
        except Exception:  # noqa: BLE001 - the lines must go out even if storage is down
            country = None
        return [Reply(crisis_message(default_resources(), country)[0])]

    def forget_conversation(self, user: UserRef) -> None:
        self.trackers.forget(user.sender_id)

    async def close(self) -> None:
        self.services.database.dispose()


def _turn_from(raw: str, tracker: DialogueStateTracker, replies: list[Reply]) -> Turn:
    intent = tracker.latest_message.intent if tracker.latest_message else {}
    return Turn(raw, replies, intent.get("name"), float(intent.get("confidence") or 0.0),
                tracker.get_slot("flow"))


def _keep_crisis_words_out(tracker: DialogueStateTracker) -> None:
    """A crisis the model caught (the lexicon's are swapped before Rasa) is stored without his words."""
    latest = next((e for e in reversed(tracker.events) if isinstance(e, UserUttered)), None)
    if latest is None or (latest.intent or {}).get("name") != "crisis" or latest.text == CRISIS_PAYLOAD:
        return
    latest.text = CRISIS_PAYLOAD
    latest.parse_data = {**latest.parse_data, "text": CRISIS_PAYLOAD}


def _log_failure(user: UserRef, error: Exception) -> None:
    """Where it failed, never what was said: exception messages can quote the user's text."""
    frames = "".join(traceback.format_tb(error.__traceback__))
    logger.error("turn failed on %s: %s\n%s", user.platform, type(error).__name__, frames)
