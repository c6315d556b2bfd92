"""The terminal door: a readable chat for people, one JSON line per turn for scripts."""
from __future__ import annotations

import json
import sys
from typing import TextIO

from coach.identity import UserRef
from coach.replies import Button, Reply, Turn

QUIT = {"/quit", "/exit"}


def render(replies: list[Reply]) -> str:
    """Replies as text; buttons numbered so they can be chosen by typing the number."""
    lines: list[str] = []
    number = 0
    for reply in replies:
        if reply.text:
            lines.append("coach> " + reply.text.replace("\n", "\n       "))
        if reply.image:
            lines.append(f"       [image: {reply.image}]")
        if reply.document:
            lines.append(f"       [file: {reply.document.filename}, {len(reply.document.content):,} bytes]")
        for button in reply.buttons:
            number += 1
            lines.append(f"       [{number}] {button.title}")
    return "\n".join(lines)


def choose_button(line: str, buttons: list[Button]) -> str:
    """'2' after numbered buttons means the second button's payload; anything else is itself."""
    stripped = line.strip()
    if stripped.isdigit() and 1 <= int(stripped) <= len(buttons):
        return buttons[int(stripped) - 1].payload
    return line


async def chat(coach, user: UserRef, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout,
               as_json: bool = False) -> None:
    interactive = stdin.isatty() and not as_json
    if interactive:
        print("Confide: type a message and press Enter. Numbers pick a button. /quit to leave.\n",
              file=stdout)
    buttons: list[Button] = []
    while True:
        if interactive:
            print("you> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line or line.strip() in QUIT:
            break
        line = line.rstrip("\n")
        turn: Turn = await coach.respond(user, choose_button(line, buttons))
        buttons = [b for reply in turn.replies for b in reply.buttons]  # numbers pick from the latest only
        if as_json:
            print(json.dumps(turn.as_dict(), ensure_ascii=False), file=stdout, flush=True)
        else:
            print(render(turn.replies) + ("\n" if interactive else ""), file=stdout, flush=True)
