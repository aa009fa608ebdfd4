"""The spec: what one partnership's documents are made of, validated by pydantic.

Field names are English (they are what clause texts write, e.g. `period.start`);
every message a user sees about them is Swedish (see spec.errors).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, field_validator, model_validator
from stdnum.se import orgnr

from drafter.spec.base import SpecModel as _Model, empty_list
from drafter.spec.declared import OtherAmount, OtherPeriod, text_names
from drafter.spec.ended import RenewsEndedBy
from drafter.spec.mandate import Ceiling, CommitteeDecision
from drafter.spec.numbers import Kronor, OptionalKronor, WholeNumber, no_decimals
from drafter.spec.outline_model import (  # noqa: F401  (the outline's models, re-exported: spec.model is their usual name)
    KEY, OUTLINE_TAGS, STANDARD, Addition, Move, Outline, OutlineItem, Placement, StandardOutline, clause_ref,
)

MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")




class DocumentInfo(_Model):
    """Metadata shared by the documents of the spec."""

    title: str | None = Field(None, description="Överenskommelsens titel; utelämnad: bildas av parternas namn.")
    subject: str = Field("", description="Ämne, visas i dokumentegenskaperna.")
    diarienummer: str | None = Field(None, description="Diarienummer, visas i sidhuvudet.")
    date: dt.date = Field(description="Dokumentets datum (ÅÅÅÅ-MM-DD); ger även tidsstämpeln i filerna.")
    place: str = Field(min_length=1, description="Ort för undertecknandet, t.ex. Stockholm.")
    author: str | None = Field(None, description="Upphovsman i dokumentegenskaperna; utelämnad: den offentliga parten.")
    status: Literal["utkast", "slutlig"] = Field(
        "utkast", description="slutlig: dokumenten ska undertecknas; då krävs fastställda klausulversioner.")
    signed: bool = Field(False, description=(
        "true: överenskommelsen är redan undertecknad den dag date anger (t.ex. importerad ur den undertecknade "
        "handlingen); underskrifterna visar då ort och datum. false (standard): datumraden lämnas tom för "
        "den som undertecknar."))


class Signatory(_Model):
    name: str | None = Field(None, description="Namn; utelämnat ger en tom rad med 'Namnförtydligande'.")
    title: str = Field(min_length=1, description="Befattning, t.ex. socialdirektör eller ordförande.")
    signs_for: str | None = Field(None, min_length=1, description="Vem som binds, t.ex. 'socialnämnden i Stockholms stad'.")


def _one_way_to_sign(model):
    """`signatory` (one) or `signatories` (several), never both; each filled in from the other."""
    if model.signatory is not None and model.signatories:
        raise ValueError("ange antingen signatory eller signatories, inte båda")
    if model.signatory is None and not model.signatories:
        raise ValueError("parten behöver en undertecknare: signatory (en) eller signatories (flera)")
    if model.signatory is None:
        model.signatory = model.signatories[0]
    elif not model.signatories:
        model.signatories = [model.signatory]
    return model


class Representative(_Model):
    """A party's new signatory from a date (a new ordförande, a new socialdirektör): data, not an
    amendment. Documents dated from `since` (the next tillägg, a renewal) are signed by them; a document
    dated before keeps the signatures it was signed with."""

    since: dt.date = Field(description="Dagen från vilken den nya företrädaren undertecknar för parten.")
    signatory: Signatory | None = Field(None, description="Den nya undertecknaren.")
    signatories: list[Signatory] = Field(default_factory=empty_list, description="Flera nya undertecknare.")

    @model_validator(mode="after")
    def _one_way_to_sign(self):
        return _one_way_to_sign(self)


class Party(_Model):
    name: str = Field(min_length=1, description="Partens namn, t.ex. Stockholms stad eller Föreningen Street Minds.")
    sector: Literal["offentlig", "idéburen"]
    kind: Literal[
        "kommun", "region", "nämnd", "förvaltning", "stadsdelsförvaltning",
        "ideell förening", "stiftelse", "registrerat trossamfund", "ekonomisk förening",
        "aktiebolag med särskild vinstutdelningsbegränsning", "registrerad idéburen organisation",
    ]
    organisationsnummer: str = Field(description="NNNNNN-NNNN, med kontrollsiffra.")
    committee: str | None = Field(None, min_length=1, description="Ansvarig nämnd, t.ex. socialnämnden (offentlig part).")
    municipality: str | None = Field(None, min_length=1, description="Kommunen, t.ex. Stockholms stad (offentlig part).")
    administration: str | None = Field(
        None, min_length=1, description="Förvaltningen som bereder och följer upp, t.ex. socialförvaltningen (offentlig part).")
    signatory: Signatory | None = Field(None, description="Den som undertecknar för parten.")
    signatories: list[Signatory] = Field(
        default_factory=empty_list,
        description="Flera undertecknare, t.ex. två firmatecknare; i stället för signatory.")
    signing: Literal["i förening", "var för sig"] = Field(
        "var för sig", description="Om undertecknarna tecknar firman tillsammans (i förening) eller var för sig.")

    representatives: list[Representative] = Field(
        default_factory=empty_list,
        description="Nya företrädare från ett datum, t.ex. en ny ordförande: undertecknar tillägg och "
                    "förnyelser från det datumet; ett redan undertecknat dokument ändras inte.")

    @model_validator(mode="after")
    def _one_way_to_sign(self):
        self.representatives.sort(key=lambda r: r.since)
        return _one_way_to_sign(self)

    def signatories_on(self, day: dt.date | None) -> list[Signatory]:
        """Who signs for the party in a document dated `day` (None: as first written)."""
        current = self.signatories
        for representative in self.representatives:
            if day is not None and representative.since <= day:
                current = representative.signatories
        return current

    @property
    def every_signatory(self) -> list[Signatory]:
        """Everyone who signs or has signed for the party: the first signatories and each new one."""
        return [*self.signatories, *(s for r in self.representatives for s in r.signatories)]

    @field_validator("organisationsnummer", mode="before")
    @classmethod
    def _valid_orgnr(cls, value: object) -> object:
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)  # 8024567896 unquoted: YAML reads a number
        if not isinstance(value, str):
            return value  # pydantic says it should be text
        compact = value.strip().replace("–", "-").replace(" ", "")
        if re.fullmatch(r"\d{10}", compact):  # written without the hyphen: the check digit decides, then NNNNNN-NNNN
            compact = orgnr.format(compact)
        if not re.fullmatch(r"\d{6}-\d{4}", compact):
            raise ValueError("organisationsnumret ska skrivas NNNNNN-NNNN, till exempel 802524-2879")
        if not orgnr.is_valid(compact):
            raise ValueError(f"organisationsnumret {compact} har fel kontrollsiffra")
        return compact


class Renewal(_Model):
    unit: Literal["kalenderår", "år", "halvår", "månad"] = Field(description="Förlängs med en sådan period i taget.")
    max_end: dt.date = Field(description="Längsta möjliga slutdatum.")
    notice_deadline: str = Field(description="Sista dag för uppsägning varje år, MM-DD, t.ex. 09-30.")
    min_notice_months: WholeNumber = Field(3, ge=0, le=24, description=(
        "Kortaste uppsägningstid i månader före varje periodslut som kontrollen godtar utan varning "
        "(notice-short). Standard 3."))

    @field_validator("notice_deadline", mode="before")
    @classmethod
    def _month_day(cls, value):
        value = str(value)
        if not MONTH_DAY.fullmatch(value):
            raise ValueError("ska skrivas MM-DD, till exempel 09-30 för den 30 september")
        return value


class Period(_Model):
    start: dt.date
    end: dt.date
    renewal: Renewal | None = None

    @property
    def last_day(self) -> dt.date:
        """The last day the agreement can run: its renewal's max_end when it can be extended, else its end."""
        return self.renewal.max_end if self.renewal else self.end


class BudgetRow(_Model):
    item: str = Field(min_length=1, description="Beskrivning av resurs.")
    amount: Kronor = Field(description="Belopp i hela kronor.")


class BudgetTable(_Model):
    """How the budget table looks; the defaults are the table the examples were signed with."""

    header: bool = Field(True, description="Rubrikrad överst (Beskrivning av resurs, Kostnad).")
    sum: bool = Field(True, description="Summarad nederst, räknad från raderna.")
    kr: bool = Field(False, description="Skriv 'kr' efter varje belopp.")
    item_heading: str = Field("Beskrivning av resurs", description="Rubriken över beskrivningarna.")
    amount_heading: str = Field("Kostnad (svenska kronor)", description="Rubriken över beloppen.")


class Budget(_Model):
    months: WholeNumber = Field(ge=1, le=120, description="Antal månader som beloppen avser.")
    rows: list[BudgetRow] = Field(min_length=1)
    total: OptionalKronor = Field(None, description="Angiven summa; kontrolleras mot raderna.")
    table: BudgetTable = Field(default_factory=BudgetTable, description="Hur budgettabellen ser ut.")

    @property
    def sum(self) -> int:
        return sum(row.amount for row in self.rows)


class Official(_Model):
    name: str | None = Field(None, description="Namn; utelämnat visas bara titeln.")
    title: str = Field(min_length=1, description="Befattning, t.ex. Socialdirektör eller Avdelningschef.")


class Handlaggare(_Model):
    name: str = Field(min_length=1, description="Handläggarens namn.")
    phone: str | None = Field(None, description="Telefonnummer, t.ex. 08-508 25 000.")


class Proposal(_Model):
    """The tjänsteutlåtande that asks the nämnd to approve the partnership."""

    title: str = Field(min_length=1, description="Ärendets rubrik.")
    subtitle: str = Field("", description="Underrubrik, t.ex. vilka som samverkar.")
    date: dt.date = Field(description="Tjänsteutlåtandets datum.")
    department: str | None = Field(None, description="Avdelningen som skrivit utlåtandet.")
    handlaggare: Handlaggare | None = None
    officials: list[Official] = Field(min_length=1, description="Tjänstepersonerna som undertecknar.")
    outline: Outline = Field(description="Utlåtandets avsnitt i ordning, eller en standardmall (standard:).")


POINT = re.compile(r"^[1-9][0-9]*(\.[1-9][0-9]*)*( [a-z])?$")  # "3.2 a": a point an earlier tillägg inserted


class Decision(_Model):
    """Who decided a tillägg. When the nämnd decides it itself, that is a new decision: it may set a new
    ceiling or latest end, the frame later tillägg by a delegate are judged against (drafter/spec/frame.py)."""

    by: str = Field(min_length=1, description="Vem som beslutade, t.ex. Socialnämnden.")
    date: dt.date
    paragraph: str | None = Field(None, description="Paragraf i protokollet, t.ex. § 12.")
    ceiling: Ceiling | None = Field(
        None, description="Nytt tak som nämnden beslutar genom tillägget (bara när nämnden själv beslutar). "
                          "Utelämnat: taket höjs till det bidrag tillägget ger, om det är högre.")
    latest_end: dt.date | None = Field(
        None, description="Nytt senaste slutdatum som nämnden beslutar genom tillägget. Utelämnat: tilläggets "
                          "längsta slutdatum, om det är senare.")


def _none_is_empty(value: object) -> object:
    """`figures:` with nothing left under it (its one line, the question `drafter new` writes, taken out) is no
    figures, as `figures: {}` was: not "a single value"."""
    return {} if value is None else value


class Change(_Model):
    """One change of an amendment: a point replaced, removed or inserted, or data changed.

    Points are named by their number in the signed agreement ("5.2")."""

    replace: str | None = Field(None, description="Punkten som får ny lydelse, t.ex. 5.2.")
    remove: str | None = Field(None, description="Punkten som upphör att gälla.")
    insert_after: str | None = Field(None, description="Punkten som en ny punkt förs in efter (blir t.ex. 3.5 a).")
    clause: str | None = Field(None, description="Klausulen (id@version) med den nya lydelsen.")
    heading: str | None = Field(None, description="Rubrik för en ny punkt, eller ny rubrik.")
    text: str | None = Field(None, description="Den nya lydelsen som text (Markdown), i stället för en klausul.")
    set: dict[str, object] | None = Field(
        None, description="Ändrade uppgifter, t.ex. {budget.rows: [...], parties.1.signatory: {...}}.")

    @field_validator("replace", "remove", "insert_after", mode="before")
    @classmethod
    def _point_form(cls, value):
        if value is not None and not POINT.fullmatch(str(value)):
            raise ValueError(f"'{value}' är inget punktnummer; skriv t.ex. 5.2")
        return None if value is None else str(value)

    @field_validator("clause")
    @classmethod
    def _clause_form(cls, value):
        return clause_ref(value)

    @model_validator(mode="after")
    def _one_kind(self):
        kinds = [k for k in ("replace", "remove", "insert_after", "set") if getattr(self, k) is not None]
        if len(kinds) != 1:
            had = (f"den har {', '.join(kinds[:-1])} och {kinds[-1]}" if kinds else "den har ingen av dem")
            raise ValueError("en ändring ska ha precis en av: ny lydelse för en punkt (replace), en punkt som "
                             "upphävs (remove), en ny punkt efter en punkt (insert_after) eller ändrade uppgifter "
                             f"(set); {had}")
        if kinds[0] in ("replace", "insert_after") and not (self.clause or self.text):
            raise ValueError(f"{kinds[0]} behöver den nya lydelsen: clause eller text")
        if kinds[0] == "insert_after" and not self.heading and not self.clause:
            raise ValueError("en ny punkt med text behöver en rubrik (heading)")
        return self

    @property
    def point(self) -> str | None:
        return self.replace or self.remove or self.insert_after


class Acknowledgement(_Model):
    """A warning the spec keeps on purpose, said once with its reason; never by line (lines move)."""

    code: str = Field(description="Fyndets kod, t.ex. budget-period.")
    about: str | None = Field(None, description="Vad fyndet gäller: ett fält i specen (budget.months, "
                                                "parties.0.kind) eller en klausul (villkor/period@1); "
                                                "utelämnat: alla fynd med koden.")
    reason: str = Field(description="Varför varningen står kvar med avsikt.")


class AmendmentProposal(_Model):
    """The tjänsteutlåtande that asks the nämnd to decide tillägg nr N; what it leaves out is the
    agreement's tjänsteutlåtande's (department, handläggare, officials) or drafter's standard outline."""

    date: dt.date = Field(description="Tjänsteutlåtandets datum.")
    title: str | None = Field(None, description="Ärendets rubrik; utelämnad: 'Tillägg nr N till överenskommelsen …'.")
    subtitle: str = Field("", description="Underrubrik.")
    diarienummer: str | None = Field(None, description="Ärendets diarienummer; utelämnat: överenskommelsens.")
    department: str | None = Field(None, description="Avdelningen som skrivit utlåtandet; utelämnad: som i proposal.")
    handlaggare: Handlaggare | None = Field(None, description="Handläggaren; utelämnad: som i proposal.")
    officials: list[Official] = Field(default_factory=empty_list,
                                      description="Tjänstepersonerna som undertecknar; utelämnade: som i proposal.")
    texts: dict[str, str] = Field(default_factory=dict, description=(
        "Utlåtandets egna texter (Markdown) per avsnittets key, t.ex. sammanfattning, bakgrund, skal, synpunkter."))
    outline: Outline | None = Field(None, description=(
        "Utlåtandets avsnitt; utelämnad: standardmallen iop-tjansteutlatande-tillagg."))


class Amendment(_Model):
    """Tillägg nr N: signed by both parties, in force from `effective`."""

    number: WholeNumber = Field(ge=1)
    date: dt.date = Field(description="Tilläggets datum.")
    decision: Decision
    effective: dt.date = Field(description="Dagen då tillägget börjar gälla.")
    changes: list[Change] = Field(min_length=1)
    transition: str | None = Field(None, description=(
        "Övergångsbestämmelse som tillägget anger under Ikraftträdande, t.ex. hur skillnaden för ett kvartal "
        "som redan har betalats ut i förskott regleras (kontrollen amendment-paid-period föreslår en)."))
    proposal: AmendmentProposal | None = Field(
        None, description="Tjänsteutlåtandet som ber nämnden besluta om tillägget (utelämnat: inget).")


class Spec(_Model):
    """One partnership: its parties, period, budget, figures and document outline."""

    renews: str | None = Field(
        None, description="Specen för den överenskommelse som denna förnyar (sökväg från denna fil).")
    renews_ends: dt.date | None = Field(
        None, description="Dagen den överenskommelse som förnyas upphör efter uppsägning: slutet av dess första "
                          "period eller av en förlängning. Utelämnat: den gäller till sitt längsta slutdatum "
                          "(period.renewal.max_end), och den nya börjar dagen efter.")
    renews_ended_by: RenewsEndedBy | None = Field(
        None, description="Hur och när den överenskommelse som förnyas upphör, när den enligt sin text löper tills "
                          "vidare efter sin period: sagd upp (how: uppsägning) eller avslutad genom skriftlig "
                          "överenskommelse (how: överenskommelse), och dagen (date:). Tjänsteutlåtandet ska ange "
                          "det; utan fältet varnar kontrollen att två överenskommelser kan gälla samtidigt.")
    partnership: str | None = Field(
        None, description="Partnerskapets namn: mappen i klausulbiblioteket (clauses/) med partnerskapets egna "
                          "texter, t.ex. street-minds. Avgör vilka partnerskapsklausuler specen får använda; "
                          "utelämnat härleds partnerskapet ur filens namn, den idéburna partens namn eller renews:.")
    document: DocumentInfo
    parties: list[Party] = Field(min_length=2)
    period: Period
    budget: Budget
    figures: Annotated[dict[str, int | dt.date | str], BeforeValidator(no_decimals),
                       BeforeValidator(_none_is_empty)] = Field(
        default_factory=dict,
        description="Siffror, datum och uppgifter som klausultexterna citerar, t.ex. antal brukare.",
    )
    other_amounts: dict[str, OtherAmount] = Field(
        default_factory=dict,
        description="Andra belopp som texterna anger, t.ex. egen insats eller bidrag från Arvsfonden; texterna "
                    "skriver {{ other_amounts.egen_insats | kronor }} och kontrollen av beloppen känner dem.")
    other_periods: dict[str, OtherPeriod] = Field(
        default_factory=dict,
        description="Andra perioder som texterna anger, t.ex. en annan överenskommelse eller ett statsbidrag; "
                    "kontrollen av perioderna känner dem.")
    texts: dict[str, str] = Field(
        default_factory=dict,
        description="Partnerskapets egna texter (Markdown), per avsnittets key; samma key ger samma text i alla dokument.",
    )
    outline: Outline = Field(description="Avsnitten i överenskommelsen i ordning, eller en standardmall (standard:).")
    proposal: Proposal | None = Field(None, description="Tjänsteutlåtandet till nämnden (utelämnat: inget).")
    decision: CommitteeDecision | None = Field(
        None, description="Nämndens beslut om partnerskapet: tak, längsta slutdatum och delegation; "
                          "tilläggen kontrolleras mot det.")
    amendments: list[Amendment] = Field(default_factory=empty_list, description="Tillägg till överenskommelsen, i ordning.")
    acknowledge: list[Acknowledgement] = Field(
        default_factory=empty_list, description="Varningar som specen behåller med avsikt, var och en med sitt skäl.")

    @field_validator("partnership")
    @classmethod
    def _partnership_name(cls, value: str | None) -> str | None:
        if value is not None and not KEY.fullmatch(value):
            raise ValueError(f"'{value}' är inget giltigt namn på ett partnerskap; skriv mappens namn i clauses/, "
                             "t.ex. street-minds (små bokstäver a–z, siffror och bindestreck)")
        return value

    @field_validator("other_amounts", "other_periods")
    @classmethod
    def _text_names(cls, value: dict) -> dict:
        return text_names(value)

    @model_validator(mode="after")
    def _amendments_in_order(self):
        numbers = [a.number for a in self.amendments]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"tilläggen ska numreras 1, 2, 3 … i ordning; här står {numbers}")
        for amendment in self.amendments:
            if amendment.proposal and not amendment.proposal.officials and not self.proposal:
                raise ValueError(f"tjänsteutlåtandet för tillägg nr {amendment.number} behöver officials "
                                 "(tjänstepersonerna som undertecknar): specen har inget tjänsteutlåtande "
                                 "(proposal:) att ta dem från")
        return self

    @model_validator(mode="after")
    def _one_of_each_sector(self):
        sectors = [p.sector for p in self.parties]
        if "offentlig" not in sectors or "idéburen" not in sectors:
            raise ValueError("Specen behöver under parties minst en part med sector: offentlig och en med "
                             "sector: idéburen")
        return self

    @property
    def public(self) -> Party:
        return next(p for p in self.parties if p.sector == "offentlig")

    @property
    def partners(self) -> list[Party]:
        return [p for p in self.parties if p.sector == "idéburen"]
