"""Engine replies as Discord messages: text, quick-reply buttons, images and files as attachments."""
from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Awaitable, Callable

import discord

from bots.discord.failures import log_failure, tell_kindly
from coach.replies import Button, Reply

logger = logging.getLogger(__name__)

MAX_CONTENT = 2000  # Discord's limit for one message
MAX_BUTTONS = 25  # five rows of five
MAX_LABEL = 80
MAX_CUSTOM_ID = 100
BUTTONS_TIMEOUT_S = 60 * 60.0
CUSTOM_ID_PREFIX = "confide"

Choose = Callable[[discord.Interaction, str], Awaitable[None]]


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


def render(reply: Reply, owner_id: int, on_choose: Choose) -> list[Outgoing]:
    """A reply as one message, or several when the text is longer than Discord allows.
    Attachments and buttons go with the last one, under the text they belong to."""
    messages = [Outgoing(content=chunk) for chunk in split_text(reply.text)] or [Outgoing()]
    last = messages[-1]
    last.files = attachments(reply)
    if reply.buttons:
        last.view = QuickReplies(reply.buttons, owner_id, on_choose)
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
    """The index keeps ids unique when two buttons share a payload; Discord caps ids at 100."""
    return f"{CUSTOM_ID_PREFIX}:{index}:{payload}"[:MAX_CUSTOM_ID]


class QuickReply(discord.ui.Button["QuickReplies"]):
    def __init__(self, index: int, button: Button) -> None:
        super().__init__(label=button.title[:MAX_LABEL] or "…", style=discord.ButtonStyle.primary,
                         custom_id=custom_id(index, button.payload))
        self.payload = button.payload  # the full payload, should it not fit in the custom_id

    async def callback(self, interaction: discord.Interaction) -> None:
        assert self.view is not None
        await self.view.choose(interaction, self)


class QuickReplies(discord.ui.View):
    """Buttons under a reply. One click answers: every button is disabled and the chosen one turns
    green. Unused buttons are disabled when they time out, so old choices can't be sent later."""

    def __init__(self, buttons: tuple[Button, ...], owner_id: int, on_choose: Choose,
                 timeout: float = BUTTONS_TIMEOUT_S) -> None:
        super().__init__(timeout=timeout)
        self.owner_id = owner_id
        self.on_choose = on_choose
        self.message: discord.Message | None = None
        for index, button in enumerate(buttons[:MAX_BUTTONS]):
            self.add_item(QuickReply(index, button))

    async def interaction_check(self, interaction: discord.Interaction) -> bool:
        return interaction.user.id == self.owner_id

    async def choose(self, interaction: discord.Interaction, chosen: QuickReply) -> None:
        self.disable(chosen)
        self.stop()  # before any await, so a quick second click finds the view finished
        await interaction.response.edit_message(view=self)
        await self.on_choose(interaction, chosen.payload)

    def disable(self, chosen: QuickReply | None = None) -> None:
        for item in self.children:
            if isinstance(item, QuickReply):
                item.disabled = True
                item.style = discord.ButtonStyle.success if item is chosen else discord.ButtonStyle.secondary

    async def on_timeout(self) -> None:
        self.disable()
        if self.message is None:
            return
        try:
            await self.message.edit(view=self)
        except discord.HTTPException as error:
            logger.info("could not disable timed-out buttons: %s", type(error).__name__)

    async def on_error(self, interaction: discord.Interaction, error: Exception, item: discord.ui.Item) -> None:
        log_failure("a button", error)
        await tell_kindly(interaction)
