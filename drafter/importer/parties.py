"""The parties of an imported document: named with their organisationsnummer (a list, or inside a
sentence), or without it in the title ("… mellan X och Y"), the letterhead, the decision points and the
signatures; their sector and kind (stadsdelsförvaltning, nämnd, region, kommun, stiftelse …)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from stdnum.se import orgnr as stdnum_orgnr

from drafter.importer.lines import bare
from drafter.importer.model import Item, Section

if TYPE_CHECKING:
    from drafter.importer.recognise import Recognised
    from drafter.importer.structure import Structure

# "Linköpings kommun, genom äldrenämnden, organisationsnummer …": the nämnd it acts through, between name and number
_VIA = r"(?:\s*,?\s*(?:genom|via|företrädd av|företrätt av)\s+(?P<via>[^()\n,:;]{2,60}?))?"
_PARTY = re.compile(r"^(?P<name>[A-ZÅÄÖ0-9][^()\n,:;]{0,80}?)" + _VIA +
                    r"\s*[(,]\s*(?:org(?:anisations)?\.?\s*nr|organisationsnummer)"
                    r"\.?:?\s*(?P<nr>\d{6}\s?[-–]\s?\d{4})")


def all_texts(sections: list[Section]):
    """(section, block, text) for every text of every block."""
    for root in sections:
        for section in root.walk():
            for block in section.blocks:
                for text in block.texts:
                    yield section, block, text
                for row in block.rows or []:
                    for cell in row:
                        yield section, block, cell


def party_names_in(items: list[Item]) -> set[str]:
    """Names written before an organisationsnummer, read from the lines (used before the structure is built)."""
    names = set()
    texts = [bare(it.text) for it in items if it.kind in ("text", "bullet", "num", "heading") and it.text.strip()]
    for i, text in enumerate(texts):
        if m := _PARTY.match(text + " " + (texts[i + 1] if i + 1 < len(texts) else "")):
            names.add(m.group("name").strip())
    return names


def parties_of(structure: "Structure", rec: "Recognised") -> list[dict]:
    found: list[dict] = []
    inline_parties: list[tuple[str, str, str]] = []
    context = ""
    texts = list(all_texts(structure.sections))
    for i, (_, block, text) in enumerate(texts):
        low = text.plain.lower()
        if "offentlig sektor" in low:
            context = "offentlig"
        if "idéburen sektor" in low or "idéburna sektor" in low:
            context = "idéburen"
        candidate = text.plain + (" " + texts[i + 1][2].plain if i + 1 < len(texts) else "")
        for inline in _PARTY_INLINE.finditer(text.plain):
            if inline.start("name") > 0:
                inline_parties.append((inline.group("name").strip(), inline.group("nr"), context))
        m = _PARTY.match(candidate)
        if not m:
            # "… genom: Street Minds, organisationsnummer …" can follow a colon in a joined line
            continue
        name = m.group("name").strip()
        if any(p["name"] == name for p in found):
            continue
        written = m.group("nr")
        party = _numbered_party(name, written, context, structure, rec, f"{rec.unit} {block.no} i källan")
        _acts_through(party, m.group("via"), rec)
        compact, sector = _compact(written), party["sector"]
        found.append(party)
        if block.kind in ("bullets", "para") and m.end() <= len(text.plain) and written == text.plain[m.start("nr"):m.end("nr")]:
            index = sum(1 for p in found if p["sector"] == sector) - 1
            target = "public" if sector == "offentlig" else ("partner" if index == 0 else f"partners[{index}]")
            if written == compact:
                text.substitute(m.start("nr"), m.end("nr"), f"{target}.organisationsnummer")
    for name, written, context in inline_parties:
        _add_party(found, name, written, context, structure, rec)
    _named_parties(structure, found, rec)
    for sector, what in (("offentlig", "offentlig part"), ("idéburen", "idéburen part")):
        if not any(p["sector"] == sector for p in found):
            found.append({"#": "saknas i källan", "name": f"[Namn på {what}]", "sector": sector,
                          "kind": "kommun" if sector == "offentlig" else "ideell förening",
                          "organisationsnummer": "NNNNNN-NNNN"})
            rec.missing.append(f"{what}: namn och organisationsnummer")
    public = next(p for p in found if p["sector"] == "offentlig")
    m = re.match(r"^(.+?)s stads? ([a-zåäö]+nämnd)$", public["name"])
    if m:
        public["municipality"] = f"{m.group(1)}s stad"
        public["committee"] = f"{m.group(2)}en"
    return found


_PUBLIC_WORDS = re.compile(r"(förvaltning|nämnd|kommun|\bstad\b|region|landsting)", re.IGNORECASE)
_PARTNER_NAME = r"(?P<name>[A-ZÅÄÖ0-9][^,.;:()\n]{1,70}?)"
_NAME_END = r"(?=\s+(?:för|med|om|i syfte|avseende|under|gällande|som|och|inom|enligt|från)\b|\s*[,.;:(]|\s*$)"
_WITH_PARTNER = re.compile(r"(?:partnerskap(?:et)?|överenskommelse(?:n)?|IOP)(?: \(IOP\))? (?:med|mellan \S.{0,60}? och) "
                           r"(?:den ideella )?(?:föreningen |stiftelsen )?" + _PARTNER_NAME + _NAME_END)
_BETWEEN = re.compile(r"\bmellan (?P<a>[A-ZÅÄÖ][^,;:()]{1,80}?) och (?P<b>[A-ZÅÄÖ][^,;:()]{1,80}?)\s*$")


_PARTY_INLINE = re.compile(r"(?:^|,\s+(?:och\s+)?|\soch\s+)(?P<name>[A-ZÅÄÖ][^()\n,:;]{1,80}?),?\s*\(?"
                           r"(?:org(?:anisations)?\.?\s*nr|organisationsnummer)\.?:?\s*(?P<nr>\d{6}\s?[-–]\s?\d{4})")


def _add_party(found: list[dict], name: str, written: str, context: str, structure: "Structure",
               rec: "Recognised") -> None:
    """A party named with its organisationsnummer inside a sentence ("Region X, organisationsnummer …, och")."""
    if any(p["name"] == name for p in found):
        return
    if _sector(_compact(written), context) == "offentlig" and any(p["sector"] == "offentlig" for p in found):
        return
    found.append(_numbered_party(name, written, context, structure, rec, "i en mening i källan"))


def _acts_through(party: dict, via: str | None, rec: "Recognised") -> None:
    """ "… kommun, genom äldrenämnden, organisationsnummer …": the public party's nämnd (committee)."""
    if not via or party["sector"] != "offentlig" or not re.search(r"(nämnd|styrelse)(en)?$", via.strip()):
        return
    party["committee"] = via.strip()
    party["#committee"] = "\"genom …\" efter partens namn"


def _compact(written: str) -> str:
    return re.sub(r"\s", "", written).replace("–", "-")


def _sector(compact: str, context: str) -> str:
    """By the organisationsnummer's group digit (2: kommun/region; 7, 8: förening/stiftelse), else the context."""
    return "offentlig" if compact.startswith("2") else "idéburen" if compact[:1] in "78" else context or "idéburen"


def _numbered_party(name: str, written: str, context: str, structure: "Structure", rec: "Recognised",
                    note: str) -> dict:
    """A party named with its organisationsnummer; a number with a wrong check digit becomes a placeholder."""
    compact = _compact(written)
    sector = _sector(compact, context)
    party = {"#": note, "name": name, "sector": sector, "kind": _kind(name, sector, structure),
             "organisationsnummer": compact}
    if stdnum_orgnr.is_valid(compact):
        rec.found.append(f"part: {name} ({sector}, {party['kind']}), organisationsnummer {compact}")
    else:
        party["organisationsnummer"] = "NNNNNN-NNNN"
        rec.missing.append(f"organisationsnumret för {name} ({written}) har fel kontrollsiffra eller form")
    return party


def _named_parties(structure: "Structure", found: list[dict], rec: "Recognised") -> None:
    """Parties named without an organisationsnummer: in the title ("… mellan X och Y"), the letterhead's
    sender, the decision points ("partnerskap med Y") and the signature block ("För X")."""
    candidates: list[tuple[str, str, str]] = []  # (name, sector, where)
    title = " ".join(structure.title).strip()
    if m := _BETWEEN.search(title):
        for name in (m.group("a"), m.group("b")):
            name = name.strip()
            candidates.append((name, "offentlig" if _PUBLIC_WORDS.search(name) else "idéburen", "rubriken"))
    head = structure.letterhead
    if head and head.sender and _PUBLIC_WORDS.search(head.sender[0]):
        candidates.append((head.sender[0], "offentlig", "brevhuvudet"))
    for sig in structure.signatures:
        sector = "offentlig" if _PUBLIC_WORDS.search(sig.signs_for) else "idéburen"
        if not re.search(r"\bi\b", sig.signs_for):  # "För socialnämnden i Stockholms stad" names the committee
            candidates.append((sig.signs_for, sector, "underskrifterna"))
    for _, _block, text in all_texts(structure.sections):
        for m in _WITH_PARTNER.finditer(text.plain):
            name = m.group("name").strip()
            if not _PUBLIC_WORDS.search(name) and len(name.split()) <= 7 and name.lower() not in (
                    "föreningen", "parterna", "stiftelsen", "organisationen"):
                candidates.append((name, "idéburen", "texten"))
    for name, sector, where in candidates:
        if any(p["sector"] == sector for p in found) or name.startswith("["):
            continue
        party = {"#": f"namnet ur {where}", "name": name, "sector": sector, "kind": _kind(name, sector, structure),
                 "organisationsnummer": "NNNNNN-NNNN", "#organisationsnummer": "källan anger inget"}
        found.append(party)
        rec.found.append(f"part: {name} ({sector}, {party['kind']}; namnet ur {where})")
        rec.missing.append(f"organisationsnumret för {name} (texten anger inget)")


def as_legal_person(parties: list[dict], rec: "Recognised") -> None:
    """A förvaltning the source names as party becomes what the spec model says it is: the kommun (or
    region) as the party, acting through its nämnd, with the förvaltning as `administration`. The
    texts still say the förvaltning's name: it becomes {{ forvaltning }} (see _names_to_expressions)."""
    for i, party in enumerate(parties):
        municipality = party.get("municipality", "")
        if party["sector"] != "offentlig" or party["kind"] not in ("förvaltning", "stadsdelsförvaltning") \
                or not municipality or municipality.startswith("["):
            continue
        administration = party["name"]
        kind = "region" if municipality.startswith(("Region ", "Landstinget ")) else "kommun"
        current = {"#": party.get("#"), "name": municipality, "sector": "offentlig", "kind": kind,
                   "#kind": f"källan anger {administration} som part; parten är {municipality} (juridisk person)",
                   "administration": administration}
        current.update({k: v for k, v in party.items() if k not in ("#", "name", "sector", "kind", "municipality")})
        current["municipality"] = municipality
        if current["#"] is None:
            del current["#"]
        parties[i] = current
        rec.derived.append(f"part: {municipality} ({kind}) genom {party.get('committee', 'nämnden')}, med "
                           f"{administration} som förvaltning (källan anger förvaltningen som part)")


def _kind(name: str, sector: str, structure: "Structure") -> str:
    low = name.lower()
    if sector == "offentlig":
        for word, kind in (("stadsdelsförvaltning", "stadsdelsförvaltning"), ("stadsdelsnämnd", "nämnd"),
                           ("förvaltning", "förvaltning"),
                           ("nämnd", "nämnd"), ("region", "region"), ("kommun", "kommun"), ("stad", "kommun")):
            if word in low:
                return kind
        return "kommun"
    for word, kind in (("stiftelse", "stiftelse"), ("trossamfund", "registrerat trossamfund"),
                       ("ekonomisk förening", "ekonomisk förening")):
        if word in low:
            return kind
    return "ideell förening"
