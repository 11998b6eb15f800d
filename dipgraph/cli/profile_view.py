"""Showing an actor's profile as text sections, or as flat rows for CSV."""

from __future__ import annotations

from typing import Any

from dipgraph.cli import output
from dipgraph.facts import DEFAULT_STATUSES


def profile_rows(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """One row a post, contact, statement made and statement about the actor ("mentioned"):
    a timeline for CSV."""
    rows = [
        {
            "section": "post",
            "status": None,
            "id": p["id"],
            "date": output.cell([p["from"] or "..", p["until"] or ".."])
            if p["from"] or p["until"]
            else p["as_of"],
            "description": f"{p['post']}"
            + (f" ({p['organization']['name']})" if p["organization"] else "")
            # when it was held, as the text puts it: "the former ambassador" has no date
            + (f"; when: {p['date_note']}" if p.get("date_note") else ""),
            "evidence": output.evidence_text(p["evidence"]),
        }
        for p in profile["posts"]
    ]
    rows += [
        {
            "section": "contact",
            "id": c["id"],
            "date": c["date"],
            "status": c["status"] + (", secret" if c.get("secret") else ""),
            "description": _contact_description(c, profile["id"]),
            "evidence": output.evidence_text(c["evidence"]),
        }
        for c in profile["contacts"]
    ]
    rows += [
        {
            "section": "statement",
            "status": None,
            "id": s["id"],
            "date": s["date"],
            "description": f"{s['kind']}: {s['summary']}",
            "evidence": output.evidence_text(s["evidence"]),
        }
        for s in profile["statements"]
    ]
    rows += [
        {
            "section": "mentioned",
            "status": None,
            "id": s["id"],
            "date": s["date"],
            "description": f"{s['speaker']['name']} {s['kind']}: {s['summary']}",
            "evidence": output.evidence_text(s.get("evidence") or []),
        }
        for s in profile["mentioned_in"]
    ]
    return rows


PROFILE_COLUMNS: list[output.Column] = [
    (name, output.field(name))
    for name in ("section", "id", "date", "status", "description", "evidence")
]
# A contact has a status (happened, planned...); a post or a statement has none.
_WITHOUT_STATUS = [c for c in PROFILE_COLUMNS if c[0] != "status"]


def print_profile(profile: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console()
    names = " / ".join(f"{text} ({lang})" for lang, text in profile["names"].items())
    header = f" ({profile['kind']}): {names}"
    console.print(Text.assemble((profile["id"], "bold"), output.text(header)))
    aliases = "; ".join(", ".join(v) for v in profile["aliases"].values())
    if aliases:
        console.print(Text(output.text(f"also: {aliases}")))
    if profile["country"]:
        console.print(Text(output.text(f"country: {profile['country']['name']}")))
    item = profile.get("wikidata")
    if item:
        console.print(Text(output.text(f"wikidata: {item} (https://www.wikidata.org/wiki/{item})")))
    rows = profile_rows(profile)
    for section in ("post", "contact", "statement"):
        chosen = [r for r in rows if r["section"] == section]
        if chosen:
            columns = PROFILE_COLUMNS if section == "contact" else _WITHOUT_STATUS
            output.print_table(chosen, columns[1:], title=f"{section}s")
    mentioned = [r for r in rows if r["section"] == "mentioned"]
    if mentioned:
        output.print_table(mentioned, _WITHOUT_STATUS[1:4], title="mentioned in statements")
    sources = ", ".join(s["id"] for s in profile["sources"]) or "none"
    console.print(Text(f"sources: {sources}"))


def _contact_description(contact: dict[str, Any], actor: str) -> str:
    """'meeting with X, Y' for a party (its counterparts across sides); for a role-holder,
    'subject of exchange between A ↔ B'."""
    if contact.get("role", "party") != "party":
        parties = " ↔ ".join(output.names(side) for side in contact["sides"])
        return f"{contact['role']} of {contact['type']} between {parties}{_status_note(contact)}"
    mine = next(n for n, side in enumerate(contact["sides"]) if actor in (a["id"] for a in side))
    others = [a for n, side in enumerate(contact["sides"]) if n != mine for a in side]
    place = f" in {contact['place']['name']}" if contact.get("place") else ""
    return f"{contact['type']} with {output.names(others)}{place}{_status_note(contact)}"


def _status_note(contact: dict[str, Any]) -> str:
    """' (proposed)' for a contact that did not happen: a profile lists every contact."""
    return "" if contact["status"] in DEFAULT_STATUSES else f" ({contact['status']})"
