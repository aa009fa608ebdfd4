"""Write the import corpus: realistic documents in the layouts Swedish förvaltningar use, that the
round trip cannot produce (two officials side by side, budget lines with the amount at the line end,
totals in prose, numbered and unnumbered headings, footnotes, page headers and page numbers).

Every sentence is written for this corpus; none is copied from a real document. Each document is
described once (DOCUMENTS below) and written three ways into tests/importer/corpus/:

    NAME.docx   Word styles (Rubrik 1/2), tables, a page header and footer, a footnote as text
    NAME.pdf    the .docx converted by LibreOffice (soffice --headless), as a förvaltning would
    NAME.txt    the text as copied out of a PDF viewer: lines wrapped at 78 characters, long words
                hyphenated at the line end, a running header and "Sida N (M)" on every page

with NAME.json, what the document states (parties, budget, officials, headings): the facts the
tests compare import with. Run it again after changing a document:

    python bench/import_corpus.py            # needs soffice for the PDFs
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_signed  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "importer" / "corpus"

# --- the documents --------------------------------------------------------------------------------------
# Blocks: ("title", text) ("letterhead", [lines]) ("h1", text) ("h2", text) ("p", text)
# ("bullets", [texts]) ("nums", [texts]) ("table", [[cells]]) ("lines", [lines kept as written])
# ("officials", [(name, title), …]) printed side by side, ("sign", [(for, name, title, place)]).

SDN_PROPOSAL = {
    "header": "Tjänsteutlåtande Dnr SDN 2025/0417",
    "blocks": [
        ("letterhead", ["Västerdalens stadsdelsförvaltning", "Avdelningen för social omsorg", "Tjänsteutlåtande",
                        "2025-03-04", "Till Västerdalens stadsdelsnämnd"]),
        ("title", "Idéburet offentligt partnerskap med Föreningen Grannkraft om läxhjälp och "
                  "fritidsaktiviteter i Västerdalen"),
        ("h1", "Förslag till beslut"),
        ("nums", ["Västerdalens stadsdelsnämnd beslutar att ingå ett idéburet offentligt partnerskap med "
                  "Föreningen Grannkraft för perioden 1 april 2025 till och med 31 mars 2026.",
                  "Västerdalens stadsdelsnämnd ger stadsdelsdirektören i uppdrag att teckna överenskommelsen "
                  "med Föreningen Grannkraft.",
                  "Paragrafen justeras omedelbart."]),
        ("officials", [("Helena Marklund", "Stadsdelsdirektör"), ("Per-Olof Sandgren", "Avdelningschef")]),
        ("h1", "Sammanfattning"),
        ("p", "Förvaltningen föreslår att nämnden ingår ett partnerskap med Föreningen Grannkraft. "
              "Föreningen har sedan flera år drivit läxhjälp i Västerdalen med frivilliga från området, och "
              "partnerskapet ska göra verksamheten stabilare och nå fler barn i mellanstadieåldern."),
        ("h1", "Bakgrund"),
        ("p", "I stadsdelsområdet bor många familjer med begränsade möjligheter att stödja barnens "
              "skolarbete hemma. Behovsinventeringen som förvaltningen gjorde under hösten visade att "
              "efterfrågan på läxhjälp och organiserad fritid är större än utbudet."),
        ("p", "Västerdalens stadsdelsförvaltning har budgeterat för 200 000 kronor för året inom ramen för "
              "det förebyggande arbetet med barn och unga."),
        ("h1", "Ärendet"),
        ("h2", "Syfte och mål"),
        ("p", "Syftet med partnerskapet är att fler barn i årskurs 4–6 ska klara skolans kunskapskrav och ha "
              "en meningsfull fritid. Målet är att minst 60 barn deltar regelbundet under läsåret."),
        ("h2", "Parternas åtaganden"),
        ("p", "Föreningen Grannkraft ansvarar för läxhjälpen fyra eftermiddagar i veckan och för att rekrytera, "
              "introducera och stötta de frivilliga. Förvaltningen upplåter lokal i Västerdalens "
              "fritidsgård och bidrar med kontakter till skolorna."),
        ("h2", "Ekonomi"),
        ("p", "Förvaltningens bidrag fördelas på följande poster:"),
        ("lines", ["Lokalhyra (del av fritidsgårdens lokaler, inklusive el, städning, larm och", "tillgång till "
                   "kök under kvällstid enligt särskild överenskommelse med", "fastighetsförvaltaren, se "
                   "bilaga 2, samt förbrukningsmaterial för", "pedagogiska aktiviteter) 125 000 kr",
                   "Samordnare (25 procent) 60 000 kr", "Utbildning av frivilliga 15 000 kr"]),
        ("p", "Beloppen avser tolv månader och betalas ut kvartalsvis i förskott."),
        ("h2", "Uppföljning"),
        ("p", "Föreningen redovisar antal deltagare, antal frivilliga och genomförda aktiviteter två gånger "
              "per år. Uppföljningen sker i en gemensam dialog där även barnens egna synpunkter tas "
              "tillvara."),
        ("h1", "Förvaltningens synpunkter och förslag"),
        ("p", "Förvaltningen bedömer att partnerskapet kompletterar den kommunala verksamheten utan att "
              "ersätta den och att Föreningen Grannkraft har den förankring i området som krävs."),
    ],
    "facts": {
        "proposal": True,
        "parties": [["Västerdalens stadsdelsförvaltning", "offentlig"], ["Föreningen Grannkraft", "idéburen"]],
        "period": ["2025-04-01", "2026-03-31"],
        "budget_rows": [["Lokalhyra (del av fritidsgårdens lokaler, inklusive el, städning, larm och tillgång till "
                         "kök under kvällstid enligt särskild överenskommelse med fastighetsförvaltaren, se bilaga "
                         "2, samt förbrukningsmaterial för pedagogiska aktiviteter)", 125000],
                        ["Samordnare (25 procent)", 60000], ["Utbildning av frivilliga", 15000]],
        "budget_total": 200000,
        "officials": [["Helena Marklund", "Stadsdelsdirektör"], ["Per-Olof Sandgren", "Avdelningschef"]],
    },
}

KULTUR_AGREEMENT = {
    "header": "Överenskommelse IOP Kulturförvaltningen – Stiftelsen Läslust",
    "blocks": [
        ("title", "Överenskommelse om idéburet offentligt partnerskap mellan Kulturförvaltningen och "
                  "Stiftelsen Läslust"),
        ("h1", "1. Parter"),
        ("p", "Denna överenskommelse ingås mellan följande parter:"),
        ("bullets", ["Kulturförvaltningen i Åsby kommun (organisationsnummer 212000-1355)",
                     "Stiftelsen Läslust (organisationsnummer 802524-2879)"]),
        ("h2", "1.1 Bakgrund"),
        ("p", "Stiftelsen Läslust har sedan 2019 ordnat högläsning och bokcirklar för barn på bibliotekens "
              "filialer. Verksamheten har vuxit och båda parter vill nu ge den en långsiktig form."),
        ("h2", "1.2 Syfte"),
        ("p", "Partnerskapet ska stärka barns läsförmåga och läslust genom regelbundna läsaktiviteter "
              "utanför skoltid, särskilt i områden där biblioteksbesöken är få.¹"),
        ("h1", "2. Åtaganden"),
        ("h2", "2.1 Stiftelsens åtaganden"),
        ("bullets", ["ordna minst två läsgrupper i veckan på varje filial",
                     "utbilda och handleda sina lässpråkare",
                     "lämna en skriftlig redovisning varje halvår"]),
        ("h2", "2.2 Förvaltningens åtaganden"),
        ("bullets", ["upplåta lokaler på filialerna utan kostnad",
                     "ge stiftelsen tillgång till bibliotekets bestånd och låneservice"]),
        ("h1", "3. Period och ekonomi"),
        ("h2", "3.1 Period"),
        ("p", "Överenskommelsen gäller från den 1 januari 2026 till och med den 31 december 2027."),
        ("h2", "3.2 Ersättning"),
        ("p", "Kulturförvaltningen ersätter stiftelsen med följande belopp för verksamheten under 24 "
              "månader:"),
        ("table", [["Post", "Belopp (kr)"], ["Personal", "410 000"], ["Lokaler", "0"],
                   ["Böcker och material", "38 000"], ["Resor", "12 000"], ["Summa", "460 000"]]),
        ("h1", "4. Underskrifter"),
        ("p", "Överenskommelsen har upprättats i två likalydande exemplar, av vilka parterna tagit var sitt."),
        ("sign", [("Kulturförvaltningen", "Annika Strömberg", "kulturdirektör", "Åsby"),
                  ("Stiftelsen Läslust", "Jamal Osman", "ordförande", "Åsby")]),
    ],
    "footnote": "¹ Enligt bibliotekens besöksstatistik för 2024.",
    "facts": {
        "proposal": False,
        "parties": [["Kulturförvaltningen i Åsby kommun", "offentlig", "212000-1355"],
                    ["Stiftelsen Läslust", "idéburen", "802524-2879"]],
        "period": ["2026-01-01", "2027-12-31"],
        "budget_rows": [["Personal", 410000], ["Lokaler", 0], ["Böcker och material", 38000], ["Resor", 12000]],
        "budget_total": 460000,
        "officials": [],
    },
}

REGION_AGREEMENT = {
    "header": "Region Norrstrand – Brukarföreningen Steget",
    "blocks": [
        ("title", "Överenskommelse om idéburet offentligt partnerskap"),
        ("p", "Mellan Region Norrstrand och Brukarföreningen Steget"),
        ("h1", "Parter"),
        ("p", "Region Norrstrand, organisationsnummer 232100-0016, genom hälso- och sjukvårdsnämnden, och "
              "Brukarföreningen Steget, organisationsnummer 802524-2879, ingår denna överenskommelse."),
        ("h1", "Bakgrund och syfte"),
        ("p", "Personer som återhämtar sig från psykisk ohälsa efterfrågar stöd av andra med egen "
              "erfarenhet. Regionen och föreningen vill tillsammans erbjuda samtalsgrupper och "
              "kamratstöd som komplement till vården."),
        ("h1", "Målgrupp"),
        ("p", "Vuxna i Norrstrand som har eller har haft kontakt med psykiatrin och som vill ha stöd av "
              "personer med egen erfarenhet."),
        ("h1", "Period"),
        ("p", "Partnerskapet gäller från och med den 1 september 2025 till och med den 31 augusti 2026. "
              "Därefter förlängs det med ett år i taget, dock längst till och med den 31 augusti 2028, om "
              "ingen part säger upp det senast den 31 maj."),
        ("h1", "Ekonomi"),
        ("p", "Regionen bidrar med sammanlagt 640 000 kronor per år, fördelat enligt tabellen."),
        ("table", [["Beskrivning", "Kostnad"], ["Kamratstödjare", "480 000"], ["Lokal och material", "95 000"],
                   ["Handledning", "65 000"], ["Totalt", "640 000"]]),
        ("h1", "Uppföljning"),
        ("p", "Parterna träffas varje kvartal. Föreningen lämnar en verksamhetsberättelse senast den 31 "
              "oktober varje år."),
        ("h1", "Underskrifter"),
        ("sign", [("Region Norrstrand", "Lars Fjällgren", "regiondirektör", "Norrstrand"),
                  ("Brukarföreningen Steget", "Mira Johansson", "ordförande", "Norrstrand")]),
    ],
    "facts": {
        "proposal": False,
        "parties": [["Region Norrstrand", "offentlig", "232100-0016"],
                    ["Brukarföreningen Steget", "idéburen", "802524-2879"]],
        "period": ["2025-09-01", "2026-08-31"],
        "budget_rows": [["Kamratstödjare", 480000], ["Lokal och material", 95000], ["Handledning", 65000]],
        "budget_total": 640000,
        "officials": [],
    },
}

KOMMUN_AGREEMENT = {
    "header": "IOP-avtal Åsby kommun – Föreningen Vinterljus",
    "blocks": [
        ("title", "Avtal om idéburet offentligt partnerskap – Vinterljus, värmestuga för hemlösa"),
        ("b", "Avtalsparter"),
        ("p", "Åsby kommun, org.nr 212000-2338, genom socialnämnden, nedan kallad kommunen."),
        ("p", "Föreningen Vinterljus, org.nr 802000-1114, nedan kallad föreningen."),
        ("b", "Bakgrund"),
        ("p", "Under de kallaste månaderna saknar flera personer i Åsby en varm plats att vara på under "
              "kvällar och nätter. Föreningen har sedan två vintrar hållit en värmestuga öppen med "
              "frivilliga, och kommunen vill ge verksamheten en trygg grund."),
        ("b", "Avtalstid"),
        ("p", "Avtalet gäller 2026-11-01 – 2027-03-31."),
        ("b", "Föreningens åtaganden"),
        ("bullets", ["hålla värmestugan öppen varje kväll klockan 19–07 under avtalstiden",
                     "se till att minst två vuxna frivilliga finns på plats",
                     "föra statistik över antalet besökare utan att registrera namn"]),
        ("b", "Kommunens åtaganden"),
        ("bullets", ["upplåta lokalen på Gästgivaregatan utan kostnad",
                     "ge föreningen stöd av socialtjänstens uppsökande team"]),
        ("b", "Ersättning"),
        ("p", "Kommunen lämnar ett bidrag för avtalstiden enligt följande:"),
        ("table", [["Kostnadsslag", "Belopp"], ["Arvoden till samordnare", "85 000 kr"],
                   ["Förbrukningsmaterial och mat", "40 000 kr"], ["Försäkring", "5 000 kr"]]),
        ("p", "Bidraget betalas ut i två delar, i november och i januari."),
        ("b", "Uppföljning"),
        ("p", "Föreningen lämnar en skriftlig redovisning senast en månad efter avtalstidens slut."),
        ("b", "Underskrifter"),
        ("sign2", [("Åsby kommun", "Birgitta Holm", "socialchef", "Åsby"),
                   ("Föreningen Vinterljus", "Samir Karimi", "ordförande", "Åsby")]),
    ],
    "facts": {
        "proposal": False,
        "parties": [["Åsby kommun", "offentlig", "212000-2338"], ["Föreningen Vinterljus", "idéburen", "802000-1114"]],
        "period": ["2026-11-01", "2027-03-31"],
        "budget_rows": [["Arvoden till samordnare", 85000], ["Förbrukningsmaterial och mat", 40000],
                        ["Försäkring", 5000]],
        "budget_total": 130000,
        "officials": [],
        "signatories": [["Åsby kommun", "Birgitta Holm", "socialchef"],
                        ["Föreningen Vinterljus", "Samir Karimi", "ordförande"]],
    },
}

DOCUMENTS = {"sdn-tjansteutlatande": SDN_PROPOSAL, "kultur-overenskommelse": KULTUR_AGREEMENT,
             "region-overenskommelse": REGION_AGREEMENT, "kommun-avtal": KOMMUN_AGREEMENT}
DOCUMENTS.update(corpus_signed.SIGNED_DOCUMENTS)  # Dnr line, "genom nämnden", "per år", signatures in tables


def headings(doc: dict) -> list[str]:
    """The document's headings as printed (numbers taken off), the title not counted."""
    import re

    return [re.sub(r"^\d+(\.\d+)*\.?\s+", "", text) for kind, text in doc["blocks"] if kind in ("h1", "h2", "b")]


# --- plain text, as copied from a PDF viewer ------------------------------------------------------------

WIDTH = 78
PAGE_LINES = 46


def _wrap(text: str) -> list[str]:
    """Wrapped at WIDTH; a long word that would not fit is hyphenated at its syllable-ish middle."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if len(line) + 1 + len(word) <= WIDTH or not line:
            line = f"{line} {word}".strip()
            continue
        room = WIDTH - len(line) - 2
        if len(word) >= 12 and room >= 5 and word.isalpha():
            cut = max(5, min(room, len(word) - 4))
            lines.append(f"{line} {word[:cut]}-")
            line = word[cut:]
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def to_text(doc: dict) -> str:
    body: list[str] = []
    for kind, value in doc["blocks"]:
        if (signed := corpus_signed.text_lines(kind, value)) is not None:
            body += signed
        elif kind == "letterhead":
            body += value + [""]
        elif kind == "title":
            body += _wrap(value) + [""]
        elif kind in ("h1", "h2", "b"):
            body += ["", value]
        elif kind == "p":
            body += _wrap(value) + [""]
        elif kind == "bullets":
            for item in value:
                wrapped = _wrap(item)
                body += [f"• {wrapped[0]}"] + [f"  {w}" for w in wrapped[1:]]
            body.append("")
        elif kind == "nums":
            for i, item in enumerate(value, 1):
                wrapped = _wrap(item)
                body += [f"{i}. {wrapped[0]}"] + wrapped[1:] + [""]
        elif kind == "table":
            body += [" ".join(row) for row in value] + [""]
        elif kind == "lines":
            body += value + [""]
        elif kind == "officials":
            body += ["", "    ".join(n for n, _ in value), "    ".join(t for _, t in value), ""]
        elif kind == "sign":
            for who, name, title, place in value:
                body += [f"För {who}", "", "_______________________", f"{name}, {title}", f"{place} den", ""]
        elif kind == "sign2":  # side by side, the columns padded with spaces
            columns = [[f"För {who}", "_______________________", f"{name}, {title}", f"{place} den"]
                       for who, name, title, place in value]
            body += [""] + ["".join(col[r].ljust(40) for col in columns).rstrip() for r in range(4)] + [""]
    if doc.get("footnote"):
        body += [doc["footnote"]]
    pages = [body[i:i + PAGE_LINES] for i in range(0, len(body), PAGE_LINES)]
    out: list[str] = []
    for n, page in enumerate(pages, 1):
        out += [doc["header"], ""] + page + ["", f"Sida {n} ({len(pages)})", "\f"]
    return "\n".join(out).replace("\n\f\n", "\n").rstrip("\f\n") + "\n"


# --- DOCX -------------------------------------------------------------------------------------------------

def to_docx(doc: dict, path: Path) -> None:
    from docx import Document
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm

    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = doc["header"]
    footer = section.footer.paragraphs[0]
    footer.text = "Sida "
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    footer._p.append(field)
    for kind, value in doc["blocks"]:
        if corpus_signed.write_docx(document, kind, value):
            continue
        if kind == "letterhead":
            for line in value:
                document.add_paragraph(line)
        elif kind == "title":
            document.add_paragraph(value, style="Title")
        elif kind == "h1":
            document.add_heading(value, level=1)
        elif kind == "h2":
            document.add_heading(value, level=2)
        elif kind == "b":  # a heading written as a bold line of its own, no heading style
            document.add_paragraph().add_run(value).bold = True
        elif kind == "p":
            document.add_paragraph(value)
        elif kind == "bullets":
            for item in value:
                document.add_paragraph(item, style="List Bullet")
        elif kind == "nums":
            for item in value:
                document.add_paragraph(item, style="List Number")
        elif kind == "table":
            table = document.add_table(rows=len(value), cols=len(value[0]))
            table.style = "Table Grid"
            for row, cells in zip(table.rows, value):
                for cell, text in zip(row.cells, cells):
                    cell.text = text
        elif kind == "lines":
            for line in value:
                document.add_paragraph(line)
        elif kind == "officials":  # side by side, as a tab-aligned pair of lines
            for part in (0, 1):
                paragraph = document.add_paragraph("\t".join(o[part] for o in value))
                paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(8), WD_TAB_ALIGNMENT.LEFT)
        elif kind == "sign":
            for who, name, title, place in value:
                for line in (f"För {who}", "_______________________", f"{name}, {title}", f"{place} den"):
                    document.add_paragraph(line)
        elif kind == "sign2":  # side by side in a table without borders, a paragraph per line
            table = document.add_table(rows=1, cols=len(value))
            for cell, (who, name, title, place) in zip(table.rows[0].cells, value):
                cell.text = f"För {who}"
                for line in ("_______________________", f"{name}, {title}", f"{place} den"):
                    cell.add_paragraph(line)
    if doc.get("footnote"):
        document.add_paragraph(doc["footnote"])
    document.core_properties.author = "drafter corpus"
    document.save(str(path))


def main() -> int:
    CORPUS.mkdir(parents=True, exist_ok=True)
    soffice = shutil.which("soffice")
    for name, doc in DOCUMENTS.items():
        (CORPUS / f"{name}.txt").write_text(to_text(doc), encoding="utf-8")
        to_docx(doc, CORPUS / f"{name}.docx")
        facts = {**doc["facts"], "headings": headings(doc)}
        (CORPUS / f"{name}.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if soffice:
            with tempfile.TemporaryDirectory() as tmp:
                subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                                "--convert-to", "pdf", "--outdir", tmp, str(CORPUS / f"{name}.docx")],
                               check=True, capture_output=True)
                shutil.copy(Path(tmp) / f"{name}.pdf", CORPUS / f"{name}.pdf")
        print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
