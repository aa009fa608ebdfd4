"""Recognise the spec's data in an imported document, and mark where the text states it.

Parties (name, sector, kind, organisationsnummer checked with stdnum), the period and its renewal,
the budget (a table, or a stated total), the signatories, place and date, and for a tjänsteutlåtande
its title, department and officials. Where the text states a recognised value *exactly* as drafter
would print it, the text gets a Jinja expression instead (`{{ period.start | datum }}`), so that the
spec drives it. Each value is reported as found, derived (härlett/antaget: check it) or missing (a
placeholder in the spec).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field


from drafter.formatting import MONTHS, datum, gemen, genitiv, versal
from drafter.importer.budget import read_budget
from drafter.importer.model import Section
from drafter.importer.parties import all_texts, as_legal_person, parties_of, party_names_in
from drafter.importer.structure import Structure

__all__ = ["PROPOSAL_DECISION", "Recognised", "all_texts", "party_names_in", "recognise"]

_MONTH = "|".join(MONTHS)
DATE = rf"(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})"
_PERIOD = re.compile(rf"(?:från (?:och med )?|(?:för |under )?perioden (?:från )?)(?:den )?(?P<start>{DATE})"
                     rf"(?: till och med| till| t\.o\.m\.|\s*[–-])\s*(?:den )?(?P<end>{DATE})")
_ISO_PERIOD = re.compile(r"(?:gäller|avtalstid|period(?:en)?|från(?: och med)?)\D{0,20}?(?P<start>\d{4}-\d{2}-\d{2})"
                         r"\s*(?:–|-|till och med|t\.o\.m\.|till)\s*(?P<end>\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_RENEWAL = re.compile(rf"förlängs\b.{{0,80}}?med (?:minst )?(?:ett|en) (?P<unit>kalenderår|halvår|år|månad) i taget"
                      rf".{{0,60}}?läng(?:st|s) till (?:och med )?(?:den )?(?P<max>{DATE})")
_NOTICE = re.compile(rf"senaste? den (?P<notice>(\d{{1,2}}) ({_MONTH}))(?!\s+\d{{4}})")
_COMMITTEE_DECIDES = re.compile(r"\b((?:[A-ZÅÄÖ][\wåäö-]*s )?[A-ZÅÄÖa-zåäö][a-zåäö-]*(?:nämnden|nämnd|styrelsen)) "
                                r"(?:beslutar|föreslås)")
_OFFICIAL_TASKED = re.compile(r"\bger ([a-zåäö]+(?:direktören|chefen)) (?:i uppdrag|rätt)")
_DEPARTMENT = re.compile(r"beretts (?:inom|av|på) (?P<dep>avdelningen för [^.,]+?)(?= i samarbete|[.,]|$)")
_DNR_LINE = re.compile(r"^(?:Dnr|Diarienummer|Diarienr|Vårt dnr|Ärendenummer)\b", re.IGNORECASE)
PROPOSAL_DECISION = ("förvaltningens förslag till beslut", "förslag till beslut")


def parse_date(day: str, month: str, year: str) -> dt.date | None:
    try:
        return dt.date(int(year), MONTHS.index(month) + 1, int(day))
    except ValueError:
        return None


@dataclass
class Recognised:
    data: dict  # the spec (without outline), placeholders where nothing was found
    found: list[str] = field(default_factory=list)
    derived: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    proposal: bool = False
    unit: str = "rad"  # how the source's places are counted: "rad" (text, PDF text) or "stycke" (.docx)
    facts: dict = field(default_factory=dict)  # for tests: parties, period, budget sum …
    todo: list[str] = field(default_factory=list)  # what the user must do by hand (text the spec does not drive)


def recognise(structure: Structure, file_name: str, diarienummer: str | None = None) -> Recognised:
    rec = Recognised(data={}, unit="stycke" if file_name.lower().endswith(".docx") else "rad")
    sections = structure.sections
    rec.proposal = any(s.heading.lower() in PROPOSAL_DECISION for s in sections)
    parties = parties_of(structure, rec)
    period = _period(sections, rec)
    budget = read_budget(sections, rec, period)
    _signatories(structure, parties, rec, sections)
    as_legal_person(parties, rec)
    document = _document(structure, parties, period, rec)
    dnr = diarienummer or (structure.letterhead.diarienummer if structure.letterhead else None)
    if dnr:
        document["diarienummer"] = dnr
        rec.found.append(f"diarienummer: {dnr}")
    rec.data = {"document": document, "parties": parties, "period": period, "budget": budget}
    if rec.proposal:
        rec.data["proposal"] = _proposal(structure, rec, document)
        decision = next((s for s in sections if s.heading.lower() in PROPOSAL_DECISION), None)
        points = [t for b in (decision.blocks if decision else []) if b.kind == "nums" for t in b.texts]
        if points and decision is not None:
            rec.found.append(f"förslag till beslut: {len(points)} beslutspunkter (klausulen {slug_of(decision)})")
    _names_to_expressions(sections, parties)
    _literal_signatures(sections, rec)
    return rec


_SIGN_LINE = re.compile(r"^[_.…]{4,}$")


def _literal_signatures(sections: list[Section], rec: Recognised) -> None:
    """A signature block left as text ("För …" and a signature line the import could not read): the spec's
    signatories do not reach it, so the report says it is to do."""
    for root in sections:
        for section in root.walk():
            texts = [t.plain.strip() for b in section.blocks if b.kind == "para" for t in b.texts]
            if any(t.startswith("För ") for t in texts) and any(_SIGN_LINE.match(t.replace(" ", "")) for t in texts):
                rec.todo.append(f"underskrifterna i klausulen {slug_of(section)} står kvar som text (de kändes inte "
                                "igen): ändras undertecknarna i specen ändras inte texten. Ersätt dem med "
                                "{{ block(\"signaturer\") }}; `drafter check` (party-mismatch) säger till när ett namn "
                                "i texten inte är specens undertecknare.")


def slug_of(section: Section) -> str:
    from drafter.importer.emit import slug

    return slug(section.heading)


# --- period ------------------------------------------------------------------------------------------

def _period(sections: list[Section], rec: Recognised) -> dict:
    period: dict = {}
    for _, _block, text in all_texts(sections):
        m = _PERIOD.search(text.plain)
        if not m:
            continue
        start = parse_date(*m.group("start").split())
        end = parse_date(*m.group("end").split())
        if not start or not end:
            continue
        if not period:
            period = {"#": f"{rec.unit} {_block.no} i källan", "start": start, "end": end}
        if (start, end) != (period["start"], period["end"]):
            continue
        if datum(start) == m.group("start"):
            text.substitute(m.start("start"), m.end("start"), "period.start | datum")
        if datum(end) == m.group("end"):
            text.substitute(m.start("end"), m.end("end"), "period.end | datum")
        r = _RENEWAL.search(text.plain, m.end())
        if r and (max_end := parse_date(*r.group("max").split())):
            n = _NOTICE.search(text.plain, r.end())
            renewal = {"unit": r.group("unit"), "max_end": max_end}
            if n:
                day, month = n.group(2), n.group(3)
                renewal["notice_deadline"] = f"{MONTHS.index(month) + 1:02d}-{int(day):02d}"
            period.setdefault("renewal", renewal)
            if period["renewal"] == renewal:
                if datum(max_end) == r.group("max"):
                    text.substitute(r.start("max"), r.end("max"), "period.renewal.max_end | datum")
                if n and re.sub(r"\s+", " ", n.group("notice")) == n.group("notice"):
                    text.substitute(n.start("notice"), n.end("notice"),
                                    "period.renewal.notice_deadline | dag_och_manad")
    if not period:
        for _, _block, text in all_texts(sections):
            if m := _ISO_PERIOD.search(text.plain):
                try:
                    start, end = dt.date.fromisoformat(m.group("start")), dt.date.fromisoformat(m.group("end"))
                except ValueError:
                    continue
                if start < end:
                    period = {"#": f"{rec.unit} {_block.no} i källan", "start": start, "end": end}
                    break
    if not period:
        rec.missing.append("avtalsperiodens start och slut (\"från den … till och med …\")")
        return {"#": "saknas i källan", "start": "ÅÅÅÅ-MM-DD", "end": "ÅÅÅÅ-MM-DD"}
    line = f"period: {period['start']}–{period['end']}"
    if "renewal" in period:
        renewal = period["renewal"]
        line += f", förlängs med {renewal['unit']} i taget till {renewal['max_end']}"
        if "notice_deadline" not in renewal:
            renewal["notice_deadline"] = "MM-DD"
            rec.missing.append("sista dag för uppsägning (period.renewal.notice_deadline)")
        else:
            line += f", uppsägning senast {renewal['notice_deadline']}"
    rec.found.append(line)
    rec.facts["period"] = period
    return period


# --- signatories, document, proposal -----------------------------------------------------------------

def _another_signatory(parties: list[dict], sig, for_whom: str, rec: Recognised) -> bool:
    """A second signature for a party that has one already (two firmatecknare): the party gets
    `signatories`, and `signing: i förening` when the source says "(i förening)"."""
    party = next((p for p in parties if p["name"].lower() == for_whom.lower()
                  and ("signatory" in p or "signatories" in p)), None)
    if party is None:
        return False
    if "signatory" in party:
        party["signatories"] = [party.pop("signatory")]
    person = {k: v for k, v in (("name", sig.name), ("title", sig.title)) if v}
    person["#"] = f"underskrifterna, {rec.unit} {sig.no} i källan"
    party["signatories"].append(person)
    if for_whom != sig.signs_for:
        party["signing"] = "i förening"
    rec.found.append(f"undertecknare för {party['name']}: " + (f"{sig.name}, " if sig.name else "(namn saknas) ")
                     + sig.title + (" (i förening)" if for_whom != sig.signs_for else ""))
    return True


def _signatories(structure: Structure, parties: list[dict], rec: Recognised, sections) -> None:
    for sig in structure.signatures:
        for_whom = re.sub(r"\s*\(i förening\)$", "", sig.signs_for, flags=re.IGNORECASE)
        if _another_signatory(parties, sig, for_whom, rec):
            continue
        target = next((p for p in parties if p["name"].lower() == for_whom.lower() and "signatory" not in p), None)
        signs_for = None
        if target is None:
            target = next((p for p in parties if p["sector"] == "offentlig" and "signatory" not in p
                           and re.search(r"nämnd|kommun|stad|region|förvaltning", sig.signs_for)), None)
            target = target or next((p for p in parties if "signatory" not in p), None)
            signs_for = sig.signs_for
        if target is None:
            continue
        target["signatory"] = {k: v for k, v in (("name", sig.name), ("title", sig.title), ("signs_for", signs_for)) if v}
        target["signatory"]["#"] = f"underskrifterna, {rec.unit} {sig.no} i källan"
        if signs_for and target["sector"] == "offentlig":
            m = re.match(r"^((?:[a-zåäö]+- och )?[a-zåäö]+nämnden) i (.+)$", signs_for)
            if m:
                target.setdefault("committee", m.group(1))
                target.setdefault("municipality", m.group(2))
        rec.found.append(f"undertecknare för {target['name']}: " + (f"{sig.name}, " if sig.name else "(namn saknas) ")
                         + sig.title + (f" (för {signs_for})" if signs_for else ""))
    text = " ".join(t.plain for _, _, t in all_texts(sections))
    for party in parties:
        if "signatory" in party or "signatories" in party:
            continue
        if party["sector"] == "offentlig" and (m := _OFFICIAL_TASKED.search(text)):
            title = re.sub(r"en$", "", m.group(1))
            party["signatory"] = {"title": title}
            rec.derived.append(f"undertecknare för {party['name']}: {title} (den som ges i uppdrag att teckna "
                               "partnerskapet; namn saknas)")
        elif party["sector"] == "idéburen" and party["kind"] == "ideell förening":
            party["signatory"] = {"title": "ordförande", "#": "antaget"}
            rec.derived.append(f"undertecknare för {party['name']}: ordförande (antaget; texten nämner ingen)")
        else:
            party["signatory"] = {"title": "[Befattning]"}
            rec.missing.append(f"undertecknare för {party['name']} (befattning)")
    committee = _COMMITTEE_DECIDES.search(text) or re.search(r"\bgenom ((?:[a-zåäö]+- och )?[a-zåäö]+nämnden)\b", text)
    public = next(p for p in parties if p["sector"] == "offentlig")
    head = structure.letterhead
    if committee and "committee" not in public:
        name = committee.group(1)
        public["committee"] = name if " " in name else name.lower()
    elif head and head.recipient and "committee" not in public and re.search(r"nämnd|styrelse", head.recipient):
        public["committee"] = head.recipient
    if "municipality" not in public:
        if m := re.search(r"\b((?:Region|Landstinget) [A-ZÅÄÖ]\w+|[A-ZÅÄÖ][\w-]+ (?:kommun|stad))\b", public["name"] + " " + text):
            public["municipality"] = m.group(1)
    # the library's clauses name the committee and the municipality: placeholders, never an absent value
    for key, placeholder, what in (("committee", "[nämnden]", "den ansvariga nämnden"),
                                   ("municipality", "[Kommunen]", "kommunen eller regionen")):
        if key in public:
            rec.found.append(f"{what}: {public[key]}")
        else:
            public[key] = placeholder
            number = parties.index(public)  # the path counts from 0, the official from 1 (as messages do)
            rec.missing.append(f"{what} (parties.{number}.{key} – part {number + 1})")


def _document(structure: Structure, parties, period, rec: Recognised) -> dict:
    document: dict = {}
    public = next(p for p in parties if p["sector"] == "offentlig")
    places = [s.place for s in structure.signatures if s.place]
    if places:
        document["place"] = places[0]
        document["#place"] = "underskrifterna"
        rec.found.append(f"ort: {places[0]}")
    elif m := re.match(r"^(.+?)s stad$", public.get("municipality", "")):
        document["place"] = m.group(1)
        document["#place"] = "av kommunens namn (antaget)"
        rec.derived.append(f"ort: {m.group(1)} (av kommunens namn)")
    else:
        document["place"] = "[Ort]"
        rec.missing.append("ort för undertecknandet (document.place)")
    title = " ".join(structure.title).strip()
    if _DNR_LINE.match(title):  # "Dnr ÄN 2023-0412" above the title is the diarienummer, never the title
        title = ""
    if title and not rec.proposal:
        partners = " och ".join(p["name"] for p in parties if p["sector"] == "idéburen")
        default = f"Överenskommelse om idéburet offentligt partnerskap (IOP) mellan {public['name']} och {partners}"
        if title != default:
            document["title"] = title
    dates = [s.date for s in structure.signatures if s.date]
    if dates:
        document["date"] = dates[0]
        document["#date"] = "underskrifterna"
        document["signed"] = True  # the source was signed on that day: its signatures say so when rebuilt
        document["#signed"] = "undertecknad, datumet vid underskrifterna"
        document["status"] = "slutlig"  # a signed agreement is no draft (checks/signed.py: signed-draft)
        document["#status"] = "undertecknad: inget utkast"
        rec.found.append(f"document.date: {dates[0]} (\"{places[0] if places else ''} den {datum(dates[0])}\" "
                         "vid underskrifterna)")
        rec.derived.append("document.status: slutlig och signed: true (överenskommelsen är undertecknad, alltså inget "
                           "utkast; jämför klausulernas text med den undertecknade handlingen och fastställ dem med "
                           "drafter clauses approve innan den kan byggas)")
    elif isinstance(period.get("start"), dt.date):
        document["date"] = period["start"]
        document["#date"] = "periodens start (antaget)"
        rec.derived.append(f"document.date: {period['start']} (periodens start; texten anger inget datum)")
    else:
        document["date"] = "ÅÅÅÅ-MM-DD"
        rec.missing.append("dokumentets datum (document.date)")
    return document


def _proposal(structure: Structure, rec: Recognised, document: dict) -> dict:
    texts = " ".join(t.plain for _, _, t in all_texts(structure.sections))
    proposal: dict = {"title": " ".join(structure.title).strip() or "[Ärendets rubrik]"}
    if proposal["title"].startswith("["):
        rec.missing.append("tjänsteutlåtandets rubrik (proposal.title)")
    if structure.preamble:
        proposal["subtitle"] = structure.preamble[0]
    head = structure.letterhead
    found_date = re.search(r"\bDatum:?\s*(\d{4}-\d{2}-\d{2})\b", " ".join(structure.preamble))
    if head and head.date:
        proposal["date"] = dt.date.fromisoformat(head.date)
        rec.found.append(f"tjänsteutlåtandets datum: {proposal['date']} (brevhuvudet)")
    elif found_date:
        proposal["date"] = dt.date.fromisoformat(found_date.group(1))
        rec.found.append(f"tjänsteutlåtandets datum: {proposal['date']}")
    else:
        proposal["date"] = document["date"]
        rec.derived.append(f"proposal.date: samma som document.date ({document['date']}); texten anger inget datum")
    department = next((line for line in (head.sender if head else []) if line.startswith("Avdelning")), None)
    if department:
        proposal["department"] = department
        rec.found.append(f"avdelning: {department} (brevhuvudet)")
    elif m := _DEPARTMENT.search(texts):
        proposal["department"] = m.group("dep")[:1].upper() + m.group("dep")[1:]
        rec.found.append(f"avdelning: {proposal['department']}")
    if structure.officials:
        proposal["officials"] = [{"name": o.name, "title": o.title} if o.name else {"title": o.title}
                                 for o in structure.officials]
        proposal["#officials"] = "namnen och titlarna under förslaget till beslut"
        rec.found.append("tjänstepersoner: " + "; ".join(f"{o.name + ', ' if o.name else ''}{o.title}"
                                                         for o in structure.officials))
    elif m := _OFFICIAL_TASKED.search(texts):
        title = re.sub(r"en$", "", m.group(1))
        proposal["officials"] = [{"title": title[:1].upper() + title[1:]}]
        rec.derived.append(f"tjänsteperson: {proposal['officials'][0]['title']} (endast titel; texten nämner inga namn)")
    else:
        proposal["officials"] = [{"title": "[Befattning]"}]
        rec.missing.append("tjänstepersoner som undertecknar utlåtandet (proposal.officials)")
    return proposal


# --- names in the text -------------------------------------------------------------------------------

def _names_to_expressions(sections: list[Section], parties: list[dict]) -> None:
    """Exact occurrences of a party's name become {{ public.name }} / {{ partner.name }} (and | gemen)."""
    targets = []
    partners = [p for p in parties if p["sector"] == "idéburen"]
    for party in parties:
        if party["name"].startswith("["):
            continue
        if party["sector"] == "offentlig":
            expr = "public.name"
            if party is not next(p for p in parties if p["sector"] == "offentlig"):
                continue
            if party.get("administration"):  # the förvaltning the source named as party (as_legal_person)
                targets.append((party["administration"], "forvaltning"))
                lower = gemen(party["administration"])
                if lower != party["administration"]:
                    targets.append((lower, "forvaltning | gemen"))
        else:
            i = partners.index(party)
            expr = "partner.name" if i == 0 else f"partners[{i}].name"
        targets.append((party["name"], expr))
        if expr == "public.name":
            targets += _committee_targets(party.get("committee"))
        lower = gemen(party["name"])
        if lower != party["name"] and not any(c.isupper() for c in party["name"][1:]):
            targets.append((lower, f"{expr} | gemen"))
    targets.sort(key=lambda t: -len(t[0]))
    for _, block, text in all_texts(sections):
        if block.kind == "table":
            continue
        for literal, expr in targets:
            for m in re.finditer(rf"(?<![\wåäöÅÄÖ-]){re.escape(literal)}(?![\wåäöÅÄÖ-])", text.plain):
                text.substitute(m.start(), m.end(), expr)


def _committee_targets(committee: str | None) -> list[tuple[str, str]]:
    """The spec's nämnd as a text names it ("genom äldrenämnden", "Äldrenämnden föreslås besluta",
    "äldrenämndens budget"): {{ public.committee }} and its forms, so that a change of `committee:`
    reaches the text (a literal name would contradict the spec, and no check could say which is right)."""
    if not committee or committee.startswith("["):
        return []
    forms = {committee: "public.committee", versal(committee): "public.committee | versal",
             genitiv(committee): "public.committee | genitiv",
             versal(genitiv(committee)): "public.committee | genitiv | versal"}
    return list(forms.items())
