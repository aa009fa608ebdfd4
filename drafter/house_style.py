"""The house style a förvaltning sets once: clauses/husstil.yaml beside the clause library.

    organisation: Stockholms stad
    forvaltning: Socialförvaltningen
    adress: [Box 44, 104 20 Stockholm]
    logotyp: logotyp.svg            # SVG or PNG, relative to the file (DOCX needs PNG)
    logotyp_text: Stockholms stads logotyp
    logotyp_bredd_cm: 3
    forsta_sidan: [dnr, datum, status]   # shown on page 1 of documents without a letterhead
    utkastmarkering: true           # "UTKAST" on every page while document.status is utkast
    mottagare_versal: true          # "Till Socialnämnden" in the proposal's letterhead (else as the spec writes it)
    forvaltningar:                  # other förvaltningar of the organisation, each with its own address
      Rinkeby-Kista stadsdelsförvaltning: [Box 4020, 163 04 Spånga]

`apply_house_style` puts it on every document's metadata (with the spec's
status), so both writers read the same values from the model and never from
the file. A document without a letterhead (the agreement) gets one built from
the house style: organisation and förvaltning, and the chosen reference data.
"""

from __future__ import annotations

import copy
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from drafter.errors import DrafterError, Where
from drafter.formatting import versal
from drafter.model.nodes import Document, HouseStyle, Letterhead, Metadata
from drafter.spec.base import empty_list

FILE_NAME = "husstil.yaml"
FIRST_PAGE_KEYS = ("dnr", "datum", "status")


class HouseStyleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, defer_build=True)

    organisation: str = Field("", description="Organisationens namn, t.ex. Stockholms stad.")
    forvaltning: str = Field("", description="Förvaltningens namn, t.ex. Socialförvaltningen.")
    adress: list[str] = Field(default_factory=empty_list, description="Adressrader under avsändaren på sidan 1.")
    logotyp: str = Field("", description="Logotyp, SVG eller PNG, sökväg relativ till husstil.yaml.")
    logotyp_text: str = Field("", description="Logotypens text för skärmläsare, t.ex. 'Stockholms stads logotyp'.")
    logotyp_bredd_cm: float = Field(3.0, gt=0, le=8, description="Logotypens bredd i centimeter.")
    forsta_sidan: list[str] = Field(default_factory=lambda: ["dnr", "datum"],
                                    description="Uppgifter på sidan 1: dnr, datum, status.")
    utkastmarkering: bool = Field(True, description="'UTKAST' på varje sida så länge status är utkast.")
    mottagare_versal: bool = Field(False, description="Nämndens namn med stor bokstav i tjänsteutlåtandets "
                                   "mottagarrad ('Till Socialnämnden'), som i Stockholms stads mallar. Utan den "
                                   "skrivs nämnden som i specen ('Till kultur- och fritidsnämnden').")
    forvaltningar: dict[str, list[str]] = Field(
        default_factory=dict, description="Organisationens andra förvaltningar med var sin adress, t.ex. "
        "{Rinkeby-Kista stadsdelsförvaltning: [Box 4020, 163 04 Spånga]}. En förvaltning som inte står här "
        "(och inte är forvaltning ovan) får ingen adress på sidan 1.")


class HouseStyleError(DrafterError):
    exit_code = 2


_WHAT = {
    "extra_forbidden": f"finns inte (fälten är: {', '.join(HouseStyleFile.model_fields)})",
    "bool_parsing": "ska vara true eller false",
    "bool_type": "ska vara true eller false",
    "float_parsing": "ska vara ett tal",
    "greater_than": "ska vara större än 0",
    "less_than_equal": "får vara högst 8",
    "list_type": "ska vara en lista, t.ex. [dnr, datum]",
    "string_type": "ska vara text",
}
_FORVALTNINGAR = ("ska vara förvaltningar med var sin lista av adressrader, t.ex. "
                  "{Norrmalms stadsdelsförvaltning: [\"Box 3100, 103 62 Stockholm\"]}")


def _line_of(path: Path, field: str) -> int | None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith(f"{field}:"):
            return number
    return None


@lru_cache(maxsize=16)
def _yaml(text: str):
    """husstil.yaml's data, parsed once per text (every spec of a batch reads the same file); the caller
    gets a copy. An error is not kept: it is raised again, with its place, on every read."""
    return yaml.safe_load(text)


def load_house_style(library_root: Path) -> HouseStyle | None:
    """The house style of the clause library at `library_root`, or None when it has no husstil.yaml."""
    path = Path(library_root) / FILE_NAME
    if not path.is_file():
        return None
    try:
        data = copy.deepcopy(_yaml(path.read_text(encoding="utf-8"))) or {}
        parsed = HouseStyleFile.model_validate(data)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise HouseStyleError("Husstilsfilen är inte giltig YAML.", where=Where(str(path), mark.line + 1 if mark else None),
                              hint="Rätta filen; se README, avsnittet Husstil.") from None
    except ValidationError as exc:  # name the field and what is wrong with it, in Swedish
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else "?"
        what = _FORVALTNINGAR if field == "forvaltningar" else _WHAT.get(error["type"], "har fel värde")
        raise HouseStyleError(f"Husstilsfilens fält {field!r} {what}.",
                              where=Where(str(path), _line_of(path, field)),
                              hint="Se README, avsnittet Husstil.") from None
    unknown = [k for k in parsed.forsta_sidan if k not in FIRST_PAGE_KEYS]
    if unknown:
        raise HouseStyleError(f"forsta_sidan får bara innehålla {', '.join(FIRST_PAGE_KEYS)}, inte {unknown[0]!r}.",
                              where=Where(str(path)))
    logo = ""
    if parsed.logotyp:
        logo_path = (path.parent / parsed.logotyp).resolve()
        if logo_path.suffix.lower() not in (".svg", ".png") or not logo_path.is_file():
            raise HouseStyleError(f"Logotypen {parsed.logotyp!r} finns inte eller är inte SVG eller PNG.",
                                  where=Where(str(path)))
        if not parsed.logotyp_text:
            raise HouseStyleError("Logotypen behöver en text för skärmläsare (logotyp_text).",
                                  where=Where(str(path)))
        logo = str(logo_path)
    return HouseStyle(parsed.organisation, parsed.forvaltning, parsed.adress, logo, parsed.logotyp_text,
                      parsed.logotyp_bredd_cm, parsed.forsta_sidan, parsed.utkastmarkering, parsed.mottagare_versal,
                      parsed.forvaltningar)


def for_party(house: HouseStyle | None, organisation: str, administration: str | None) -> HouseStyle | None:
    """The house style as it fits this spec's public party. A project's husstil.yaml belongs to one
    organisation: a spec of another kommun or region keeps the presentation (which data show on page 1,
    the draft mark) but names its own sender, without the address or logo. Another förvaltning of the
    same organisation keeps the logo but gets the address husstil.yaml gives it (`forvaltningar:`),
    else none: never the house style's own förvaltning's address under its name.

    A spec of the same organisation that names no förvaltning (a kommun acting through any of its
    nämnder) is not thereby the house style's förvaltning's: it is sent by the organisation alone, with
    its logo but without a förvaltning's name or address. Only a house style that names no förvaltning
    (the organisation's own) keeps its address for it. The förvaltning heads a letterhead line, so it starts
    with a capital ("Vård- och omsorgsförvaltningen") however the spec writes it for running text."""
    if house is None:
        return None
    if house.organisation and house.organisation != organisation:
        return replace(house, organisation=organisation, forvaltning=versal(administration) if administration else "", address=[], logo="",
                       logo_alt="", recipient_capital=False, addresses={}, borrowed=True)
    if not administration and house.forvaltning:
        return replace(house, forvaltning="", address=[])
    if administration and house.forvaltning and _key(administration) != _key(house.forvaltning):
        address = next((lines for name, lines in house.addresses.items() if _key(name) == _key(administration)), [])
        return replace(house, forvaltning=versal(administration), address=list(address))
    return house


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


CONSOLIDATED = "konsoliderad"  # the status of a reading copy that is never signed
STATUS_SHOWN = {"utkast": "Utkast", "förslag": "Förslag", CONSOLIDATED: "Konsoliderad, ej undertecknad",
                "slutlig": "Slutlig"}  # as the first page's "Status:" says it


def apply_house_style(documents: list[Document], house: HouseStyle | None, status: str) -> None:
    """Every document gets the spec's status and the house style; one without a letterhead gets one. A
    reading copy that is never signed (the consolidated version, marked so in assembly) is not the spec's
    "slutlig": its status is what it is, "konsoliderad" (a draft stays a draft)."""
    for doc in documents:
        doc.meta.status = CONSOLIDATED if doc.meta.mark and status != "utkast" else status
        doc.meta.house = house
        if doc.meta.letterhead is not None:
            doc.meta.letterhead = name_organisation(doc.meta.letterhead, house)
        if house is not None and doc.meta.letterhead is None:
            doc.meta.letterhead = house_letterhead(doc.meta, house)
        elif house is not None and house.recipient_capital and doc.meta.letterhead is not None:
            doc.meta.letterhead = capital_recipient(doc.meta.letterhead)


def name_organisation(letterhead: Letterhead, house: HouseStyle | None) -> Letterhead:
    """The kommun's or region's name first among the senders ("Linköpings kommun", "Äldreförvaltningen", …),
    as a registrator reads an official letter and as the agreement's letterhead already says it, unless the
    organisation's own house style presents it (its logo and templates: Stockholm's start with the
    förvaltning). Without a house style, or with another organisation's fitted to this spec, nothing else
    names the organisation on page 1."""
    organisation = letterhead.organisation
    if not organisation or any(_key(line) == _key(organisation) for line in letterhead.sender):
        return letterhead
    if house is not None and not house.borrowed and _key(house.organisation) == _key(organisation):
        return letterhead
    return replace(letterhead, sender=[organisation, *letterhead.sender])


RECIPIENT = "Till "


def capital_recipient(letterhead: Letterhead) -> Letterhead:
    """"Till socialnämnden" as a house style that writes nämnd names as proper names wants it: "Till Socialnämnden".
    Assembly writes the nämnd as the spec does; only a husstil.yaml with mottagare_versal changes it."""
    if not letterhead.recipient.startswith(RECIPIENT):
        return letterhead
    return replace(letterhead, recipient=RECIPIENT + versal(letterhead.recipient[len(RECIPIENT):]))


def house_letterhead(meta: Metadata, house: HouseStyle) -> Letterhead | None:
    sender = [line for line in (house.organisation, house.forvaltning) if line]
    references = first_page_references(meta, house)
    if not sender and not references:
        return None
    return Letterhead(sender, "", references, "")


def first_page_references(meta: Metadata, house: HouseStyle) -> list[tuple[str, str]]:
    refs: list[tuple[str, str]] = []
    for key in house.first_page:
        if key == "dnr" and meta.diarienummer:
            refs.append(("Dnr", meta.diarienummer))
        elif key == "datum" and meta.date:
            refs.append(("Datum", meta.date.isoformat()))
        elif key == "status" and meta.status:
            refs.append(("Status", STATUS_SHOWN.get(meta.status, "Slutlig")))
    return refs


def draft_mark(meta: Metadata) -> bool:
    """Whether every page says "UTKAST": a draft, unless the house style turns the mark off."""
    return meta.status == "utkast" and (meta.house is None or meta.house.draft_mark)


def typst_house(meta: Metadata) -> dict:
    """The house style as the Typst templates read it (house.json), the logo's bytes included."""
    house = meta.house
    data: dict = {"draft_mark": draft_mark(meta)}
    if house is None:
        return data
    data["address"] = house.address
    if house.logo:
        path = Path(house.logo)
        fmt = path.suffix.lower()[1:]
        raw = path.read_bytes()
        data["logo"] = {"format": fmt, "alt": house.logo_alt, "width_cm": house.logo_width_cm,
                        "data": raw.decode("utf-8") if fmt == "svg" else list(raw)}  # Typst: bytes(...)
    return data


RUNNING_TITLE_CHARS = 74  # what fits the DOCX header's title cell (11.2 cm) in 8 pt Arial, on average


def running_title(title: str, limit: int = RUNNING_TITLE_CHARS) -> str:
    """The title for the running header, on one line: cut at a word with "…" when too long
    (the PDF template measures instead; this is the DOCX header's estimate)."""
    if len(title) <= limit:
        return title
    words = title.split(" ")
    while len(words) > 1 and len(" ".join(words)) + 2 > limit:
        words.pop()
    return " ".join(words) + " …"
