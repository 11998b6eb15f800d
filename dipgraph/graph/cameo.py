"""A contact's CAMEO event code, from its type, its status and whether it was hosted.

The codes live in the vocabularies (dipgraph/schema/vocabularies), so a curator can
read and change them: a type has its code and, for types held in person, the code
of the same contact on a host's soil (044, meet at third location); a status that
is only an intent (planned, proposed) has the code of an expressed intent (036).

>>> from dipgraph.facts import Contact
>>> from dipgraph.schema.model import load_model
>>> vocabularies = load_model().vocabularies
>>> meeting = Contact("m", "meeting", (("a",), ("b",)), "…", ())
>>> contact_cameo(vocabularies, meeting)
'040'
>>> from dataclasses import replace
>>> contact_cameo(vocabularies, replace(meeting, hosts=("austria",)))
'044'
>>> contact_cameo(vocabularies, replace(meeting, hosts=("austria",), status="proposed"))
'036'

Its PLOVER event and mode follow from the CAMEO code, by the PLOVER project's crosswalk
(dipgraph/schema/vocabularies/cameo_plover.yaml, which cites it):

>>> contact_plover(vocabularies, replace(meeting, type="phone_call"))
('CONSULT', 'phone')
>>> contact_plover(vocabularies, replace(meeting, hosts=("austria",)))
('CONSULT', 'third-party')
>>> contact_plover(vocabularies, replace(meeting, type="interview"))
(None, None)
"""

from __future__ import annotations

from typing import Any

from dipgraph.facts import Contact


def contact_cameo(vocabularies: dict[str, Any], contact: Contact) -> str:
    """The most specific CAMEO code the contact's recorded fields support."""
    status = vocabularies["contact_statuses"][contact.status]
    if "cameo" in status:
        return status["cameo"]
    kind = vocabularies["contact_types"][contact.type]
    if contact.hosts and "cameo_hosted" in kind:
        return kind["cameo_hosted"]
    return kind["cameo"]


def plover_of(vocabularies: dict[str, Any], cameo: str) -> tuple[str | None, str | None]:
    """The PLOVER (event, mode) of a CAMEO code; None where the crosswalk gives none."""
    row = vocabularies["cameo_plover"][cameo]
    return row.get("plover_event"), row.get("plover_mode")


def contact_plover(vocabularies: dict[str, Any], contact: Contact) -> tuple[str | None, str | None]:
    """The contact's PLOVER event type and mode: those of its CAMEO code."""
    return plover_of(vocabularies, contact_cameo(vocabularies, contact))
