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
    python bench/import_corpus.py NAME …     # only these documents (the others' files stay as they are)
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_linked  # noqa: E402
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

# Trial 9's layouts (none of its text): sections numbered with paragraphs ("§ 3 Parternas åtaganden",
# "3 §", "§ 3.") under a title heading, a reference line above the title, "enligt § 4" in the text;
# tjänsteutlåtanden whose officials sign at the end in a table (a name row over a title row) under the
# förvaltning's name, with a letterhead naming the förvaltning and "Bilaga N: …" lines at the end.

PARAGRAF_AGREEMENT = {
    "header": "Norrviks kommun – Dnr FRN 2026/0142",
    "blocks": [
        ("p", "Dnr FRN 2026/0142"),
        ("h1title", "Överenskommelse om idéburet offentligt partnerskap mellan Norrviks kommun och "
                    "Föreningen Fritidsbanken Norrvik"),
        ("h2", "§ 1 Parter"),
        ("p", "Denna överenskommelse ingås mellan följande parter:"),
        ("bullets", ["Norrviks kommun (organisationsnummer 212000-2338)",
                     "Föreningen Fritidsbanken Norrvik (organisationsnummer 802524-2879)"]),
        ("h2", "§ 2 Bakgrund och syfte"),
        ("p", "Många familjer i Norrvik har inte råd med skridskor, skidor eller tält. Föreningen har sedan "
              "2021 lånat ut begagnad fritidsutrustning gratis från en lokal vid Norrviks idrottsplats."),
        ("p", "Syftet med partnerskapet är att fler barn och unga ska kunna vara aktiva på fritiden, oavsett "
              "familjens ekonomi."),
        ("h2", "§ 3 Parternas åtaganden"),
        ("p", "Föreningen håller utlåningen öppen tre dagar i veckan och tar emot skänkt utrustning. Kommunen "
              "lämnar bidrag enligt § 4 och upplåter lokalen vid idrottsplatsen utan kostnad."),
        ("h2", "§ 4 Ekonomi"),
        ("p", "Kommunen bidrar till verksamheten under 12 månader enligt följande:"),
        ("table", [["Post", "Belopp (kr)"], ["Lön samordnare (50 %)", "210 000"], ["Reparationer och material", "30 000"],
                   ["Summa", "240 000"]]),
        ("h2", "§ 5 Giltighetstid"),
        ("p", "Överenskommelsen gäller från och med den 1 mars 2027 till och med den 29 februari 2028."),
        ("h2", "§ 6 Uppsägning och ändringar"),
        ("p", "Ändringar av § 3 och § 4 ska göras skriftligt. Kommunens beslut fattas enligt 6 kap. 37 § "
              "kommunallagen."),
        ("h2", "§ 7 Underskrifter"),
        ("p", "Överenskommelsen har upprättats i två likalydande exemplar, av vilka parterna tagit var sitt."),
        ("sign", [("Norrviks kommun", "Kerstin Alm", "fritidsdirektör", "Norrvik"),
                  ("Föreningen Fritidsbanken Norrvik", "Oskar Lindgren", "ordförande", "Norrvik")]),
    ],
    "facts": {
        "proposal": False,
        "title": "Överenskommelse om idéburet offentligt partnerskap mellan Norrviks kommun och Föreningen "
                 "Fritidsbanken Norrvik",
        "parties": [["Norrviks kommun", "offentlig", "212000-2338"],
                    ["Föreningen Fritidsbanken Norrvik", "idéburen", "802524-2879"]],
        "period": ["2027-03-01", "2028-02-29"],
        "budget_rows": [["Lön samordnare (50 %)", 210000], ["Reparationer och material", 30000]],
        "budget_total": 240000,
        "officials": [],
        "references": {"parternas-ataganden": ["ekonomi"], "uppsagning-och-andringar": ["parternas-ataganden",
                                                                                         "ekonomi"]},
    },
}

PARAGRAF_BOLD_AGREEMENT = {
    "header": "IOP Kustby stad – Stiftelsen Havsljus",
    "blocks": [
        ("title", "Överenskommelse om idéburet offentligt partnerskap – Havsljus sommarläger"),
        ("b", "1 § Parter"),
        ("p", "Kustby stad, organisationsnummer 212000-1355, genom socialnämnden, och Stiftelsen Havsljus, "
              "organisationsnummer 802524-2879, ingår denna överenskommelse."),
        ("b", "2 § Målgrupp"),
        ("p", "Barn mellan 8 och 14 år i familjer som har försörjningsstöd och som inte reser bort under "
              "sommarlovet."),
        ("b", "3 § Åtaganden"),
        ("p", "Stiftelsen ordnar tre lägerveckor med boende, mat och aktiviteter. Staden informerar familjerna "
              "och betalar ersättning enligt 4 §."),
        ("b", "4 § Ersättning"),
        ("p", "Staden bidrar med totalt 180 000 kr för lägren."),
        ("b", "5 § Period"),
        ("p", "Överenskommelsen gäller från och med den 1 maj 2027 till och med den 30 september 2027."),
        ("b", "6 § Underskrifter"),
        ("sign", [("Kustby stad", "Maria Holmberg", "socialdirektör", "Kustby"),
                  ("Stiftelsen Havsljus", "Daniel Berg", "ordförande", "Kustby")]),
    ],
    "facts": {
        "proposal": False,
        "title": "Överenskommelse om idéburet offentligt partnerskap – Havsljus sommarläger",
        "parties": [["Kustby stad", "offentlig", "212000-1355"], ["Stiftelsen Havsljus", "idéburen", "802524-2879"]],
        "period": ["2027-05-01", "2027-09-30"],
        "budget_rows": [["Ersättning enligt överenskommelsen", 180000]],
        "budget_total": 180000,
        "officials": [],
        "references": {"ataganden": ["ersattning"]},
    },
}

PARAGRAF_DOT_AGREEMENT = {
    "header": "Överenskommelse – Läsfrämjandet Bokbussen",
    "blocks": [
        ("title", "Överenskommelse om idéburet offentligt partnerskap mellan Bergsjö kommun och Läsfrämjandet "
                  "Bokbussen"),
        ("h1", "§ 1. Parter"),
        ("p", "Denna överenskommelse ingås mellan följande parter:"),
        ("bullets", ["Bergsjö kommun (organisationsnummer 212000-1355)",
                     "Läsfrämjandet Bokbussen (organisationsnummer 802000-1114)"]),
        ("h1", "§ 2. Syfte"),
        ("p", "Partnerskapet ska ge äldre och barn i byarna runt Bergsjö tillgång till böcker och högläsning."),
        ("h1", "§ 3. Period och ersättning"),
        ("p", "Överenskommelsen gäller från och med den 1 januari 2027 till och med den 31 december 2027. "
              "Kommunen bidrar med totalt 95 000 kronor, som betalas enligt § 4."),
        ("h1", "§ 4. Utbetalning"),
        ("p", "Bidraget betalas ut i två delar, i januari och i juli."),
    ],
    "facts": {
        "proposal": False,
        "title": "Överenskommelse om idéburet offentligt partnerskap mellan Bergsjö kommun och Läsfrämjandet "
                 "Bokbussen",
        "parties": [["Bergsjö kommun", "offentlig", "212000-1355"],
                    ["Läsfrämjandet Bokbussen", "idéburen", "802000-1114"]],
        "period": ["2027-01-01", "2027-12-31"],
        "budget_rows": [["Ersättning enligt överenskommelsen", 95000]],
        "budget_total": 95000,
        "officials": [],
        "references": {"period-och-ersattning": ["utbetalning"]},
    },
}

ALDRE_PROPOSAL = {
    "header": "Tjänsteutlåtande Dnr ÄLN 2026/208",
    "blocks": [
        ("letterhead", ["Strömsby kommun", "Äldreförvaltningen", "Avdelningen för öppna insatser", "Tjänsteutlåtande",
                        "2026-09-15", "Dnr ÄLN 2026/208", "Till äldrenämnden"]),
        ("h1title", "Idéburet offentligt partnerskap med Föreningen Kaffekoppen"),
        ("h2", "Förslag till beslut"),
        ("p", "Äldrenämnden föreslås besluta"),
        ("nums", ["att ingå idéburet offentligt partnerskap med Föreningen Kaffekoppen enligt bilaga 1,",
                  "att uppdra åt äldredirektören att underteckna överenskommelsen."]),
        ("h2", "Sammanfattning"),
        ("p", "Föreningen Kaffekoppen driver ett öppet café för äldre i Strömsby centrum. Förvaltningen har "
              "budgeterat för 310 000 kronor för perioden 1 januari 2027 till och med 31 december 2027."),
        ("h2", "Ärendet"),
        ("p", "Caféet har funnits sedan 2019 och drivs av ett trettiotal frivilliga. Föreningen har i en skrivelse "
              "föreslagit ett partnerskap."),
        ("h2", "Förvaltningens bedömning"),
        ("p", "Förvaltningen bedömer att verksamheten är ett allmännyttigt komplement till kommunens egna "
              "träffpunkter och att partnerskapet inte är en upphandling."),
        ("p", "Äldreförvaltningen"),
        ("officials_table", [("Birgitta Sjöberg", "Äldredirektör"), ("Ali Hassan", "Avdelningschef")]),
        ("lines", ["Bilaga 1: Förslag till överenskommelse om idéburet offentligt partnerskap med Föreningen "
                   "Kaffekoppen"]),
    ],
    "facts": {
        "proposal": True,
        "title": "Idéburet offentligt partnerskap med Föreningen Kaffekoppen",
        "parties": [["Äldreförvaltningen", "offentlig"], ["Föreningen Kaffekoppen", "idéburen"]],
        "administration": "Äldreförvaltningen",
        "period": ["2027-01-01", "2027-12-31"],
        "budget_rows": [["Ersättning enligt överenskommelsen", 310000]],
        "budget_total": 310000,
        "officials": [["Birgitta Sjöberg", "Äldredirektör"], ["Ali Hassan", "Avdelningschef"]],
        "attachments": True,
    },
}

FRITID_PROPOSAL = {
    "header": "Tjänsteutlåtande Dnr KFN 2026/77",
    "blocks": [
        ("letterhead", ["Älvdala kommun", "Kultur- och fritidsförvaltningen", "Tjänsteutlåtande", "2026-10-02",
                        "Dnr KFN 2026/77", "Till kultur- och fritidsnämnden"]),
        ("title", "Idéburet offentligt partnerskap med Föreningen Ungdomsgården Gnistan"),
        ("h1", "Förslag till beslut"),
        ("nums", ["Kultur- och fritidsnämnden beslutar att ingå ett idéburet offentligt partnerskap med Föreningen "
                  "Ungdomsgården Gnistan för perioden 1 februari 2027 till och med 31 januari 2028.",
                  "Kultur- och fritidsnämnden ger kultur- och fritidsdirektören i uppdrag att teckna "
                  "överenskommelsen."]),
        ("h1", "Bakgrund"),
        ("p", "Ungdomsgården Gnistan har kvällsöppet för unga mellan 13 och 18 år. Kultur- och "
              "fritidsförvaltningen har budgeterat för 520 000 kronor för året."),
        ("h1", "Förvaltningens synpunkter och förslag"),
        ("p", "Förvaltningen bedömer att föreningen når unga som kommunens egna fritidsgårdar inte når."),
        ("officials_table", [("Johanna Wik", "Kultur- och fritidsdirektör"), ("Erik Nyberg", "Enhetschef"),
                             ("Sara Lund", "Handläggare")]),
        ("lines", ["Bilaga 1: Förslag till överenskommelse", "Bilaga 2: Gnistans verksamhetsplan 2027"]),
    ],
    "facts": {
        "proposal": True,
        "title": "Idéburet offentligt partnerskap med Föreningen Ungdomsgården Gnistan",
        "parties": [["Kultur- och fritidsförvaltningen", "offentlig"], ["Föreningen Ungdomsgården Gnistan", "idéburen"]],
        "administration": "Kultur- och fritidsförvaltningen",
        "period": ["2027-02-01", "2028-01-31"],
        "budget_rows": [["Ersättning enligt överenskommelsen", 520000]],
        "budget_total": 520000,
        "officials": [["Johanna Wik", "Kultur- och fritidsdirektör"], ["Erik Nyberg", "Enhetschef"],
                      ["Sara Lund", "Handläggare"]],
        "attachments": True,
        "unplaced": ["Bilaga 2: Gnistans verksamhetsplan 2027"],
    },
}

DOCUMENTS = {"sdn-tjansteutlatande": SDN_PROPOSAL, "kultur-overenskommelse": KULTUR_AGREEMENT,
             "region-overenskommelse": REGION_AGREEMENT, "kommun-avtal": KOMMUN_AGREEMENT,
             "fritidsbank-overenskommelse": PARAGRAF_AGREEMENT, "havsljus-avtal": PARAGRAF_BOLD_AGREEMENT,
             "bokbussen-overenskommelse": PARAGRAF_DOT_AGREEMENT, "aldre-tjansteutlatande": ALDRE_PROPOSAL,
             "gnistan-tjansteutlatande": FRITID_PROPOSAL}
DOCUMENTS.update(corpus_signed.SIGNED_DOCUMENTS)  # Dnr line, "genom nämnden", "per år", signatures in tables
DOCUMENTS.update(corpus_linked.LINKED_DOCUMENTS)  # a stated total, the nämnd in the text (trial 10)


def headings(doc: dict) -> list[str]:
    """The document's headings as printed (numbers taken off), the title not counted."""
    import re

    return [re.sub(r"^(?:§\s*)?\d+(\.\d+)*\.?(?:\s*§)?\s+", "", text) for kind, text in doc["blocks"]
            if kind in ("h1", "h2", "b")]


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
        elif kind in ("title", "h1title"):
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
        elif kind in ("officials", "officials_table"):
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
        elif kind == "h1title":  # the title as Heading 1, the sections under it Heading 2
            document.add_heading(value, level=1)
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
        elif kind == "officials_table":  # side by side in a table: a row of names over a row of titles
            table = document.add_table(rows=2, cols=len(value))
            for column, (name, title) in enumerate(value):
                table.cell(0, column).text, table.cell(1, column).text = name, title
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


def main(names: list[str] | None = None) -> int:
    CORPUS.mkdir(parents=True, exist_ok=True)
    soffice = shutil.which("soffice")
    for name, doc in DOCUMENTS.items():
        if names and name not in names:
            continue
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
    sys.exit(main(sys.argv[1:]))
