"""The content model: what a memo's and a company's front matter may hold.

One dataclass per kind of file is the single definition of the model: the validator checks files
against it (`schema_check`), `kb schema` exports it as JSON Schema for editors (`json_schema`),
the README documents it, and the rest of the code reads its instances.

They are plain dataclasses that pydantic validates, not pydantic models: only the modules that
validate or export import pydantic, and pydantic is a third of `kb check`'s start-up. A `kb check`
on files that validated before (`parse_cache` keeps their validated front matter) never loads it,
nor does one on plainly valid front matter (`schema_plain` reads these classes too).
So the rules pydantic applies are written here as data it reads when it builds its validator
(`Limits`, `IsoDateRule`, `__pydantic_config__`), and so are the fields' descriptions for editors
(`Described`), which only the JSON Schema export reads. (As attribute docstrings, they had
pydantic read this file's source on every run that validated: 15 ms.) Descriptions are in Finnish
because editors show them to the people who write the files.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

STATUSES = ("lead", "contacted", "active", "partner", "dormant")
"""The relationship pipeline, from first idea to sleeping; order matters for the dashboard."""
VISIBILITIES = ("public", "internal")


class Limits:
    """Limits pydantic-core checks on a value (`min_length`, `pattern`, `ge`, `le`, as its schemas
    name them), added to the schema pydantic makes for the annotated type; JSON Schema shows them
    as `minLength`, `pattern`, `minimum` and `maximum`."""

    def __init__(self, **limits: object) -> None:
        self.limits = limits

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        return {**handler(source), **self.limits}


class Described:
    """A field's description for editors, in the JSON Schema only: pydantic asks for it when it
    exports the schema, never when it validates."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __get_pydantic_json_schema__(self, schema: Any, handler: Any) -> dict[str, Any]:
        return {**handler(schema), "description": self.text}


class IsoDateRule:
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
    if not ISO_DATE.match(text):
        raise PydanticCustomError("date_not_iso", "not an ISO date", {"value": text})
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise PydanticCustomError("date_impossible", "no such date", {"value": text}) from None


IsoDate = Annotated[datetime.date, IsoDateRule()]
Slug = Annotated[str, Limits(pattern=SLUG_PATTERN)]
Text = Annotated[str, Limits(min_length=1)]
Year = Annotated[int, Limits(ge=1800, le=2200)]


class _Strict:
    """Unknown keys are errors: a misspelt key would otherwise be silently ignored."""

    __pydantic_config__ = {"extra": "forbid", "str_strip_whitespace": True}


@dataclass
class Contact(_Strict):
    """A person at an organisation; each gets a page of their own."""

    name: Annotated[Text, Described("Koko nimi, esim. Petri Laitinen")]
    slug: Annotated[Slug | None, Described("Tunniste; oletuksena nimestä, esim. petri-laitinen")] = None
    role: Annotated[str | None, Described("Tehtävänimike")] = None
    aliases: Annotated[list[Text], Described("Muut nimet tekstissä, esim. Petri")] = field(default_factory=list)
    email: Annotated[str | None, Described("Yksityinen: ei julkaista julkisessa sivustossa")] = None
    phone: Annotated[str | None, Described("Yksityinen: ei julkaista julkisessa sivustossa")] = None
    common_word: Annotated[bool, Described("Jokin nimistä on myös tavallinen sana (Aino: ainoa)")] = False


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
    until: Annotated[Year | None, Described("Vuosi, johon asti nimi oli käytössä")] = None
    note: str | None = None


@dataclass
class CompanyMeta(_Strict):
    """Front matter of `companies/<slug>.md`: one organisation, its contacts and offerings."""

    name: Annotated[Text, Described("Organisaation nimi sellaisena kuin se kirjoitetaan")]
    slug: Annotated[Slug | None, Described("Sama kuin tiedostonimi ilman .md-päätettä")] = None
    aliases: list[Text] = field(default_factory=list)
    former_names: list[FormerName] = field(default_factory=list)
    common_word: Annotated[bool, Described("Nimi on myös tavallinen sana (esim. Kone)")] = False
    match_lowercase: Annotated[bool, Described("Linkitä myös pienellä alkukirjaimella")] = False
    business_id: Annotated[str | None, Described("Y-tunnus, esim. 1234567-1")] = None
    industry: Annotated[str | None, Described("Toimiala")] = None
    website: str | None = None
    status: Literal["lead", "contacted", "active", "partner", "dormant"] | None = None
    owner: Annotated[Slug | None, Described("Suhteesta vastaava henkilö (henkilön tunniste)")] = None
    our_unit: Annotated[bool, Described("Oma yksikkömme: sen yhteyshenkilöt ovat henkilökuntaamme")] = False
    next_step: str | None = None
    contacts: list[Contact] = field(default_factory=list)
    offerings: list[Offering] = field(default_factory=list)
    tags: list[Text] = field(default_factory=list)
    visibility: Literal["public", "internal"] = "public"


@dataclass
class MemoMeta(_Strict):
    """Front matter of `memos/YYYY/YYYY-MM-DD-<slug>.md`: one meeting."""

    title: Annotated[Text, Described("Muistion otsikko")]
    date: Annotated[IsoDate, Described("Tapaamisen päivä muodossa VVVV-KK-PP")]
    attendees: Annotated[list[Slug], Described("Osallistujien tunnisteet")] = field(default_factory=list)
    companies: Annotated[list[Slug], Described("Organisaatioiden tunnisteet")] = field(default_factory=list)
    tags: list[Text] = field(default_factory=list)
    authors: list[Slug] = field(default_factory=list)
    visibility: Literal["public", "internal"] = "public"
    source: Annotated[str | None, Described("Mistä muistio tuotiin (esim. Confluence-sivu)")] = None


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
