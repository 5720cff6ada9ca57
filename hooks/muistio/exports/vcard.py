"""Contacts as vCard 4.0 (RFC 6350), one card per person, for address books and CRMs."""

from __future__ import annotations

import vobject

from muistio.knowledge_base import KnowledgeBase


def contacts_vcard(kb: KnowledgeBase, include_private: bool = True) -> str:
    cards = []
    for person in kb.people.values():
        card = vobject.vCard()
        card.add("version").value = "4.0"
        card.add("fn").value = person.name
        given, _, family = person.name.rpartition(" ") if " " in person.name else ("", "", person.name)
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        card.add("org").value = [kb.companies[person.company].name]
        if person.role:
            card.add("title").value = person.role
        if include_private and person.email:
            card.add("email").value = person.email
        if include_private and person.phone:
            card.add("tel").value = person.phone
        card.add("uid").value = f"urn:muistio:person:{person.slug}"
        cards.append(card.serialize())
    return "".join(cards)
