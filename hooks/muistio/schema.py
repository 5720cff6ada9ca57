"""The content model: what a memo's and a company's front matter may hold.

One pydantic model per kind of file is the single definition of the model: the validator checks
files against it, `kb schema` exports it as JSON Schema for editors, and the README documents it.
Field descriptions are in Finnish because editors show them to the people who write the files.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

STATUSES = ("lead", "contacted", "active", "partner", "dormant")
"""The relationship pipeline, from first idea to sleeping; order matters for the dashboard."""
VISIBILITIES = ("public", "internal")


def _iso_date(value: Any) -> Any:
    """Accept only real ISO dates written as text; YAML timestamps are kept as text on load.

    Pydantic's lax mode would read an integer as a Unix timestamp and "16.5.2012" as an error
    that says nothing useful, so the date rules are spelled out here.
    """
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_type", "not a date")
    text = value.strip()
    if not _ISO_DATE.match(text):
        raise PydanticCustomError("date_not_iso", "not an ISO date", {"value": text})
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError("date_impossible", "no such date", {"value": text}) from None


IsoDate = Annotated[
    datetime.date,
    BeforeValidator(_iso_date),
    Field(json_schema_extra={"type": "string", "format": "date"}),
]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Text = Annotated[str, Field(min_length=1)]


class _Strict(BaseModel):
    """Unknown keys are errors: a misspelt key would otherwise be silently ignored."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Contact(_Strict):
    """A person at an organisation; each gets a page of their own."""

    name: Text = Field(description="Koko nimi, esim. Petri Laitinen")
    slug: Slug | None = Field(None, description="Tunniste; oletuksena nimestä, esim. petri-laitinen")
    role: str | None = Field(None, description="Tehtävänimike")
    aliases: list[Text] = Field(default_factory=list, description="Muut nimet tekstissä, esim. Petri")
    email: str | None = Field(None, description="Yksityinen: ei julkaista julkisessa sivustossa")
    phone: str | None = Field(None, description="Yksityinen: ei julkaista julkisessa sivustossa")
    common_word: bool = Field(False, description="Jokin nimistä on myös tavallinen sana (Aino: ainoa)")


class Offering(_Strict):
    """A product or service an organisation offers (the unit's own PROksi, for one)."""

    name: Text
    slug: Slug | None = None
    aliases: list[Text] = Field(default_factory=list)
    description: str | None = None
    common_word: bool = False


class FormerName(_Strict):
    """A name the organisation went by before, so old memos still link to it."""

    name: Text
    until: int | None = Field(None, ge=1800, le=2200, description="Vuosi, johon asti nimi oli käytössä")
    note: str | None = None


class CompanyMeta(_Strict):
    """Front matter of `companies/<slug>.md`: one organisation, its contacts and offerings."""

    name: Text = Field(description="Organisaation nimi sellaisena kuin se kirjoitetaan")
    slug: Slug | None = Field(None, description="Sama kuin tiedostonimi ilman .md-päätettä")
    aliases: list[Text] = Field(default_factory=list)
    former_names: list[FormerName] = Field(default_factory=list)
    common_word: bool = Field(False, description="Nimi on myös tavallinen sana (esim. Kone)")
    match_lowercase: bool = Field(False, description="Linkitä myös pienellä alkukirjaimella")
    business_id: str | None = Field(None, description="Y-tunnus, esim. 1234567-1")
    industry: str | None = Field(None, description="Toimiala")
    website: str | None = None
    status: Literal["lead", "contacted", "active", "partner", "dormant"] | None = None
    owner: Slug | None = Field(None, description="Suhteesta vastaava henkilö (henkilön tunniste)")
    our_unit: bool = Field(False, description="Oma yksikkömme: sen yhteyshenkilöt ovat henkilökuntaamme")
    next_step: str | None = None
    contacts: list[Contact] = Field(default_factory=list)
    offerings: list[Offering] = Field(default_factory=list)
    tags: list[Text] = Field(default_factory=list)
    visibility: Literal["public", "internal"] = "public"


class MemoMeta(_Strict):
    """Front matter of `memos/YYYY/YYYY-MM-DD-<slug>.md`: one meeting."""

    title: Text = Field(description="Muistion otsikko")
    date: IsoDate = Field(description="Tapaamisen päivä muodossa VVVV-KK-PP")
    attendees: list[Slug] = Field(default_factory=list, description="Osallistujien tunnisteet")
    companies: list[Slug] = Field(default_factory=list, description="Organisaatioiden tunnisteet")
    tags: list[Text] = Field(default_factory=list)
    authors: list[Slug] = Field(default_factory=list)
    visibility: Literal["public", "internal"] = "public"
    source: str | None = Field(None, description="Mistä muistio tuotiin (esim. Confluence-sivu)")


MODELS: dict[str, type[_Strict]] = {"memo": MemoMeta, "company": CompanyMeta}
BOOLEAN_KEYS = {"common_word", "match_lowercase", "our_unit"}
"""Keys where `yes`/`no` mean what they say; elsewhere they are YAML 1.1 surprises."""
