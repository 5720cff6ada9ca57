"""The content model: what a memo's and a company's front matter may hold.

One dataclass per kind of file is the single definition of the model: the validator checks files
against it (`front_matter_check`), `kb schema` exports it as JSON Schema for editors
(`json_schema`), the README documents it, and the rest of the code reads its instances.

They are plain dataclasses that pydantic validates, not pydantic models: only the modules that
validate or export import pydantic, and pydantic is a third of `kb check`'s start-up. A `kb check`
on files that validated before (`parse_cache` keeps their validated front matter) never loads it.
So the rules pydantic applies are written here as data it reads when it builds its validator
(`_Limits`, `_IsoDate`, `CONFIG`), and each field's description for editors is the attribute
docstring below it. Descriptions are in Finnish because editors show them to the people
who write the files.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

STATUSES = ("lead", "contacted", "active", "partner", "dormant")
"""The relationship pipeline, from first idea to sleeping; order matters for the dashboard."""
VISIBILITIES = ("public", "internal")


class _Limits:
    """Limits pydantic-core checks on a value (`min_length`, `pattern`, `ge`, `le`, as its schemas
    name them), added to the schema pydantic makes for the annotated type; JSON Schema shows them
    as `minLength`, `pattern`, `minimum` and `maximum`."""

    def __init__(self, **limits: object) -> None:
        self.limits = limits

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return {**handler(source), **self.limits}


class _IsoDate:
    """Accept only real ISO dates written as text; YAML timestamps are kept as text on load.

    Pydantic's lax mode would read an integer as a Unix timestamp and "16.5.2012" as an error
    that says nothing useful, so the date rules are spelled out here.
    """

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(_iso_date, handler(source))

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, str]:
        return {"type": "string", "format": "date"}


def _iso_date(value: Any) -> Any:
    from pydantic_core import PydanticCustomError  # loaded already: pydantic is validating

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


IsoDate = Annotated[datetime.date, _IsoDate()]
Slug = Annotated[str, _Limits(pattern=SLUG_PATTERN)]
Text = Annotated[str, _Limits(min_length=1)]
Year = Annotated[int, _Limits(ge=1800, le=2200)]


CONFIG = {"extra": "forbid", "str_strip_whitespace": True}
"""How pydantic validates the models. Unknown keys are errors: a misspelt key would otherwise be
silently ignored. (`json_schema` adds `use_attribute_docstrings` while it exports them: reading
this file's source for the descriptions would cost every validating run 15 ms.)"""


class _Strict:
    __pydantic_config__ = CONFIG


@dataclass
class Contact(_Strict):
    """A person at an organisation; each gets a page of their own."""

    name: Text
    """Koko nimi, esim. Petri Laitinen"""
    slug: Slug | None = None
    """Tunniste; oletuksena nimestä, esim. petri-laitinen"""
    role: str | None = None
    """Tehtävänimike"""
    aliases: list[Text] = field(default_factory=list)
    """Muut nimet tekstissä, esim. Petri"""
    email: str | None = None
    """Yksityinen: ei julkaista julkisessa sivustossa"""
    phone: str | None = None
    """Yksityinen: ei julkaista julkisessa sivustossa"""
    common_word: bool = False
    """Jokin nimistä on myös tavallinen sana (Aino: ainoa)"""


@dataclass
class Offering(_Strict):
    """A product or service an organisation offers (the unit's own PROksi, for one)."""

    name: Text
    slug: Slug | None = None
    aliases: list[Text] = field(default_factory=list)
    description: str | None = None
    common_word: bool = False


@dataclass
class FormerName(_Strict):
    """A name the organisation went by before, so old memos still link to it."""

    name: Text
    until: Year | None = None
    """Vuosi, johon asti nimi oli käytössä"""
    note: str | None = None


@dataclass
class CompanyMeta(_Strict):
    """Front matter of `companies/<slug>.md`: one organisation, its contacts and offerings."""

    name: Text
    """Organisaation nimi sellaisena kuin se kirjoitetaan"""
    slug: Slug | None = None
    """Sama kuin tiedostonimi ilman .md-päätettä"""
    aliases: list[Text] = field(default_factory=list)
    former_names: list[FormerName] = field(default_factory=list)
    common_word: bool = False
    """Nimi on myös tavallinen sana (esim. Kone)"""
    match_lowercase: bool = False
    """Linkitä myös pienellä alkukirjaimella"""
    business_id: str | None = None
    """Y-tunnus, esim. 1234567-1"""
    industry: str | None = None
    """Toimiala"""
    website: str | None = None
    status: Literal["lead", "contacted", "active", "partner", "dormant"] | None = None
    owner: Slug | None = None
    """Suhteesta vastaava henkilö (henkilön tunniste)"""
    our_unit: bool = False
    """Oma yksikkömme: sen yhteyshenkilöt ovat henkilökuntaamme"""
    next_step: str | None = None
    contacts: list[Contact] = field(default_factory=list)
    offerings: list[Offering] = field(default_factory=list)
    tags: list[Text] = field(default_factory=list)
    visibility: Literal["public", "internal"] = "public"


@dataclass
class MemoMeta(_Strict):
    """Front matter of `memos/YYYY/YYYY-MM-DD-<slug>.md`: one meeting."""

    title: Text
    """Muistion otsikko"""
    date: IsoDate
    """Tapaamisen päivä muodossa VVVV-KK-PP"""
    attendees: list[Slug] = field(default_factory=list)
    """Osallistujien tunnisteet"""
    companies: list[Slug] = field(default_factory=list)
    """Organisaatioiden tunnisteet"""
    tags: list[Text] = field(default_factory=list)
    authors: list[Slug] = field(default_factory=list)
    visibility: Literal["public", "internal"] = "public"
    source: str | None = None
    """Mistä muistio tuotiin (esim. Confluence-sivu)"""


Meta = MemoMeta | CompanyMeta
MODELS: dict[str, type[MemoMeta] | type[CompanyMeta]] = {"memo": MemoMeta, "company": CompanyMeta}
BOOLEAN_KEYS = {"common_word", "match_lowercase", "our_unit"}
"""Keys where `yes`/`no` mean what they say; elsewhere they are YAML 1.1 surprises."""


def revived(kind: str, data: dict[str, Any]) -> MemoMeta | CompanyMeta:
    """Validated front matter again from its JSON form (`parse_cache`), without pydantic: the
    values were checked when it was written, so only the types JSON has no word for come back.
    Raises TypeError, KeyError or ValueError for data of another shape."""
    if kind == "memo":
        meta: MemoMeta | CompanyMeta = MemoMeta(**{**data, "date": datetime.date.fromisoformat(data["date"])})
    else:
        meta = CompanyMeta(**{
            **data,
            "former_names": [FormerName(**item) for item in data["former_names"]],
            "contacts": [Contact(**item) for item in data["contacts"]],
            "offerings": [Offering(**item) for item in data["offerings"]],
        })
    return meta
