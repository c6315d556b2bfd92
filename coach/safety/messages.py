"""The words of the crisis response, built from the resources data for his country."""
from __future__ import annotations

from coach.safety.resources import CrisisResources


def crisis_message(resources: CrisisResources, country_code: str | None) -> tuple[str, list[str]]:
    """The message, and the services it names (recorded, instead of anything he wrote)."""
    country = resources.for_country(country_code)
    lines = ["I'm really glad you told me. You don't have to carry this alone, and you deserve "
             "support right now from a person who can help."]
    shown = []
    if country:
        lines.append(f"If you might act on these thoughts or you're in danger, call {country.emergency} now.")
        for line in country.lines:
            lines.append(f"- {line.service}: {line.contact} ({line.hours})")
            shown.append(line.service)
        lines.append(f"Somewhere else? {resources.international.contact} lists free helplines worldwide.")
    else:
        lines.append("If you might act on these thoughts or you're in danger, call your local "
                     f"emergency number now: {resources.emergency_numbers}.")
        lines.append(f"- {resources.international.service}: {resources.international.contact}")
    shown.append(resources.international.service)
    return "\n".join(lines), shown
