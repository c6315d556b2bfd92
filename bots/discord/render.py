"""Engine replies as Discord messages: text, quick-reply buttons, images and files as attachments."""
from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import discord

from bots.discord.failures import log_failure
from coach.replies import Button, Reply

logger = logging.getLogger(__name__)

MAX_CONTENT = 2000  # Discord's limit for one message
MAX_BUTTONS = 25  # five rows of five
MAX_LABEL = 80
MAX_CUSTOM_ID = 100
BUTTONS_TIMEOUT_S = 60 * 60.0
CUSTOM_ID_PREFIX = "confide"


@dataclass
class Outgoing:
    """One Discord message: send it with `channel.send(**outgoing.kwargs())`."""

    content: str | None = None
    view: "QuickReplies | None" = None
    files: list[discord.File] = field(default_factory=list)

    def kwargs(self) -> dict[str, Any]:
        sent: dict[str, Any] = {"content": self.content}
        if self.view is not None:
            sent["view"] = self.view
        if self.files:
            sent["files"] = self.files
        return sent


def render(reply: Reply) -> list[Outgoing]:
    """A reply as one message, or several when the text is longer than Discord allows.
    Attachments and buttons go with the last one, under the text they belong to."""
    messages = [Outgoing(content=chunk) for chunk in split_text(reply.text)] or [Outgoing()]
    last = messages[-1]
    last.files = attachments(reply)
    if reply.buttons:
        last.view = QuickReplies(reply.buttons)
    if not (last.content or last.files or last.view):
        messages.pop()
    return messages


def split_text(text: str, limit: int = MAX_CONTENT) -> list[str]:
    """Cut at a line break or a space where possible, never inside a word unless it's huge."""
    chunks: list[str] = []
    text = text.strip()
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = text.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
        chunks.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    return chunks + ([text] if text else [])


def attachments(reply: Reply) -> list[discord.File]:
    files: list[discord.File] = []
    if reply.image:
        path = Path(reply.image)
        if path.is_file():
            files.append(discord.File(path, filename=path.name))
        else:
            logger.warning("image for a reply is missing: %s", path.name)
    if reply.document:
        document = reply.document
        files.append(discord.File(io.BytesIO(document.content), filename=document.filename))
    return files


def custom_id(index: int, payload: str) -> str:
    """The index keeps ids unique when two buttons share a payload; Discord caps ids at 100
    characters (a cut payload is harmless: the engine reads unknown payloads as plain text)."""
    return f"{CUSTOM_ID_PREFIX}:{index}:{payload}"[:MAX_CUSTOM_ID]


class QuickReply(discord.ui.DynamicItem[discord.ui.Button],
                 template=rf"{CUSTOM_ID_PREFIX}:(?P<index>\d+):(?P<payload>.*)"):
    """A button whose custom_id carries its payload, so a click works even after a restart.
    The click is handed on as the `quick_reply` event, with the payload as what the user says."""

    def __init__(self, index: int, payload: str, label: str | None = None) -> None:
        super().__init__(discord.ui.Button(label=(label or "…")[:MAX_LABEL], style=discord.ButtonStyle.primary,
                                           custom_id=custom_id(index, payload)))
        self.payload = payload

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str]) -> "QuickReply":
        return cls(int(match["index"]), match["payload"], item.label)

    async def callback(self, interaction: discord.Interaction) -> None:
        """Answer at once by disabling the buttons, then let the coach hear the payload."""
        view = self.view
        assert view is not None
        disable(view, chosen=self)
        view.stop()  # the rebuilt view is only for the edit; it needn't wait for clicks
        try:
            await interaction.response.edit_message(view=view)
        except discord.HTTPException as error:
            log_failure("a button", error)
            return
        interaction.client.dispatch("quick_reply", interaction, self.payload)


class QuickReplies(discord.ui.View):
    """The buttons under a reply. Unused buttons are disabled when they time out, so an old
    choice can't be sent hours later; after a click `stop()` cancels that."""

    def __init__(self, buttons: tuple[Button, ...], timeout: float = BUTTONS_TIMEOUT_S) -> None:
        super().__init__(timeout=timeout)
        self.message: discord.Message | None = None
        for index, button in enumerate(buttons[:MAX_BUTTONS]):
            self.add_item(QuickReply(index, button.payload, button.title))

    async def on_timeout(self) -> None:
        disable(self)
        if self.message is None:
            return
        try:
            await self.message.edit(view=self)
        except discord.HTTPException as error:
            logger.info("could not disable timed-out buttons: %s", type(error).__name__)


def disable(view: discord.ui.View, chosen: discord.ui.Item | None = None) -> None:
    """Every button greyed out; the chosen one green, so he sees what he picked."""
    for child in view.children:
        button = child.item if isinstance(child, discord.ui.DynamicItem) else child
        if isinstance(button, discord.ui.Button):
            button.disabled = True
            button.style = discord.ButtonStyle.success if child is chosen else discord.ButtonStyle.secondary
