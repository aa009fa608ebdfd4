"""Import corpus documents (bench/import_corpus.py writes them) in the layouts a tester met in an unseen
agreement, each written anew for the corpus: a "Dnr …" line above the title, the public party as
"X kommun, genom nämnden, organisationsnummer …", amounts "per år" / "årligen" / "per halvår" with no
month count, and signature blocks with "Ort den …" above them, name and title on lines of their own,
side by side in a Word table or one under the other.

Blocks besides import_corpus.py's: ("signtable", (above, [(for, name, title)])) a borderless Word table
(side by side in the text), ("signlines", (above, [(for, name, title)])) one line each, one under the other.
"""

from __future__ import annotations

SKOLA_AGREEMENT = {
    "header": "Västbergs kommun – Läxhjälpen Västberg",
    "blocks": [
        ("lines", ["Dnr BUN 2025/0212"]),
        ("title", "Överenskommelse om idéburet offentligt partnerskap för läxhjälp i Västberg"),
        ("h1", "Parter"),
        ("p", "Västbergs kommun, genom barn- och utbildningsnämnden, organisationsnummer 212000-3112, "
              "nedan kallad kommunen."),
        ("p", "Läxhjälpen Västberg, organisationsnummer 802531-6442, nedan kallad föreningen."),
        ("h1", "Syfte"),
        ("p", "Partnerskapet ska ge elever i årskurs 7–9 stöd med skolarbetet på kvällstid, på skolans bibliotek, "
              "av frivilliga studenter som föreningen rekryterar och handleder."),
        ("h1", "Avtalstid"),
        ("p", "Överenskommelsen gäller från och med 1 augusti 2025 till och med 31 juli 2028."),
        ("h1", "Ekonomi"),
        ("p", "Kommunen bidrar med 215 000 kronor per år till verksamheten, fördelat enligt tabellen."),
        ("table", [["Kostnadsslag", "Kronor"], ["Samordnare", "150 000"], ["Utbildning av läxhjälpare", "40 000"],
                   ["Material och fika", "25 000"], ["Totalt", "215 000"]]),
        ("p", "Bidraget betalas ut i två lika delar, i september och i februari."),
        ("h1", "Underskrifter"),
        ("p", "Överenskommelsen har upprättats i två exemplar, ett för varje part."),
        ("signtable", ("Västberg den 24 juni 2025",
                       [("Västbergs kommun", "Pernilla Ådahl", "Ordförande, barn- och utbildningsnämnden"),
                        ("Läxhjälpen Västberg", "Amir Hosseini", "Ordförande")])),
    ],
    "facts": {
        "proposal": False,
        "parties": [["Västbergs kommun", "offentlig", "212000-3112"], ["Läxhjälpen Västberg", "idéburen", "802531-6442"]],
        "period": ["2025-08-01", "2028-07-31"],
        "budget_rows": [["Samordnare", 150000], ["Utbildning av läxhjälpare", 40000], ["Material och fika", 25000]],
        "budget_total": 215000,
        "officials": [],
        "signatories": [["Västbergs kommun", "Pernilla Ådahl", "Ordförande, barn- och utbildningsnämnden"],
                        ["Läxhjälpen Västberg", "Amir Hosseini", "Ordförande"]],
        "place": "Västberg", "date": "2025-06-24", "months": 12, "committee": "barn- och utbildningsnämnden",
        "diarienummer": "BUN 2025/0212", "blocks": ["budget", "signaturer"],
        "budget_header": ["Kostnadsslag", "Kronor"],
    },
}

IDROTT_AGREEMENT = {
    "header": "IOP Region Sydkust och Simklubben Vågen",
    "blocks": [
        ("lines", ["Diarienummer RUN 2026-00418"]),
        ("title", "Avtal om idéburet offentligt partnerskap – simkunnighet för nyanlända"),
        ("b", "Avtalsparter"),
        ("p", "Region Sydkust, genom regionala utvecklingsnämnden (organisationsnummer 232100-5338)."),
        ("p", "Simklubben Vågen, organisationsnummer 802532-7555."),
        ("b", "Bakgrund"),
        ("p", "Många nyanlända vuxna i regionen har aldrig fått lära sig simma. Simklubben har sedan tre somrar "
              "hållit kurser med egna ledare, och regionen vill göra verksamheten varaktig."),
        ("b", "Giltighet"),
        ("p", "Avtalet gäller från den 1 april 2026 till och med den 31 mars 2028."),
        ("b", "Regionens bidrag"),
        ("p", "Regionen bidrar årligen med sammanlagt 360 000 kr till kurserna enligt följande:"),
        ("table", [["Post", "Belopp"], ["Simlärare", "240 000 kr"], ["Bassängtid", "90 000 kr"],
                   ["Försäkring och material", "30 000 kr"]]),
        ("b", "Underskrifter"),
        ("signlines", ("Sydhamn den 10 mars 2026",
                       [("Region Sydkust", "Lena Wikström", "regiondirektör"),
                        ("Simklubben Vågen", "Tomas Berglund-Ek", "ordförande")])),
    ],
    "facts": {
        "proposal": False,
        "parties": [["Region Sydkust", "offentlig", "232100-5338"], ["Simklubben Vågen", "idéburen", "802532-7555"]],
        "period": ["2026-04-01", "2028-03-31"],
        "budget_rows": [["Simlärare", 240000], ["Bassängtid", 90000], ["Försäkring och material", 30000]],
        "budget_total": 360000,
        "officials": [],
        "signatories": [["Region Sydkust", "Lena Wikström", "regiondirektör"],
                        ["Simklubben Vågen", "Tomas Berglund-Ek", "ordförande"]],
        "place": "Sydhamn", "date": "2026-03-10", "months": 12, "committee": "regionala utvecklingsnämnden",
        "diarienummer": "RUN 2026-00418", "blocks": ["budget", "signaturer"],
        "budget_header": ["Post", "Belopp"],
    },
}

JOUR_AGREEMENT = {
    "header": "Hagby kommun, socialnämnden",
    "blocks": [
        ("lines", ["Dnr SN 2025/311"]),
        ("title", "Överenskommelse om idéburet offentligt partnerskap – stödboende för våldsutsatta"),
        ("h1", "Parter"),
        ("p", "Hagby kommun, genom socialnämnden, organisationsnummer 212000-4227, och Hagby kvinno- och "
              "tjejjour, organisationsnummer 802533-8669, ingår denna överenskommelse."),
        ("h1", "Syfte"),
        ("p", "Partnerskapet ska ge kvinnor och barn som utsatts för våld ett tryggt boende och stöd att "
              "bygga upp ett nytt liv, som ett komplement till socialtjänstens insatser."),
        ("h1", "Period"),
        ("p", "Överenskommelsen gäller från och med den 1 juli 2025 till och med den 30 juni 2026."),
        ("h1", "Ersättning"),
        ("p", "Kommunen ersätter jouren med 260 000 kronor per halvår enligt nedan."),
        ("table", [["Beskrivning", "Kostnad"], ["Boendestödjare", "180 000"], ["Hyra för två lägenheter", "80 000"],
                   ["Summa", "260 000"]]),
        ("h1", "Underskrifter"),
        ("signtable", ("Hagby den 2 juni 2025",
                       [("Hagby kommun", "Maria Gustafsson", "Socialdirektör"),
                        ("Hagby kvinno- och tjejjour", "Sara Lindqvist", "Ordförande")])),
    ],
    "facts": {
        "proposal": False,
        "parties": [["Hagby kommun", "offentlig", "212000-4227"],
                    ["Hagby kvinno- och tjejjour", "idéburen", "802533-8669"]],
        "period": ["2025-07-01", "2026-06-30"],
        "budget_rows": [["Boendestödjare", 180000], ["Hyra för två lägenheter", 80000]],
        "budget_total": 260000,
        "officials": [],
        "signatories": [["Hagby kommun", "Maria Gustafsson", "Socialdirektör"],
                        ["Hagby kvinno- och tjejjour", "Sara Lindqvist", "Ordförande"]],
        "place": "Hagby", "date": "2025-06-02", "months": 6, "committee": "socialnämnden",
        "diarienummer": "SN 2025/311", "blocks": ["budget", "signaturer"],
        "budget_header": ["Beskrivning", "Kostnad"],
    },
}

# Written after the importer was changed for the three above and measured before it was changed again
# (bench/import_roundtrip.py --corpus): held-out variants.
# Gaps they found that are outside the signatures and budget (headings and titles): expected failures in
# tests/importer/test_corpus.py until they are closed.
ONE_PAGE_HEADER = ("the running header above the title of a one-page PDF is kept, so the title becomes a section "
                   "(structure.py, pdf.py)")
NUMBER_WITHOUT_DOT = ("'1 Parter' (a number without a dot) right above its text in PDF text is no heading, so the party "
                      "reads '1 Parter Norrby kommun' (drafter/importer/structure.py)")
HELD_OUT = {'lund-avtal': {'header': 'Lunds kommun – Föreningen Bokbussen',
                'blocks': [('lines', ['Dnr KFN 2026/0091']),
                           ('title',
                            'Överenskommelse om idéburet offentligt partnerskap – läsfrämjande på landsbygden'),
                           ('h1', 'Parter'),
                           ('p',
                            'Lunds kommun, genom kultur- och fritidsnämnden, organisationsnummer 212000-3112, '
                            'nedan kommunen.'),
                           ('p', 'Föreningen Bokbussen, organisationsnummer 802531-6442, nedan föreningen.'),
                           ('h1', 'Tid'),
                           ('p',
                            'Överenskommelsen gäller från och med 1 januari 2027 till och med 31 december 2028.'),
                           ('h1', 'Ekonomi'),
                           ('p', 'Kommunen lämnar ett bidrag om 180 000 kr per år enligt följande.'),
                           ('table',
                            [['Kostnad', 'Belopp'],
                             ['Chaufför', '120 000 kr'],
                             ['Drivmedel', '40 000 kr'],
                             ['Böcker', '20 000 kr']]),
                           ('h1', 'Underskrifter'),
                           ('signtable',
                            ('Lund den 1 december 2026',
                             [('Lunds kommun', 'Eva Ekström', 'Kultur- och fritidsnämndens ordförande'),
                              ('Föreningen Bokbussen', 'Bo Almqvist', 'Kassör')]))],
                'facts': {'proposal': False,
                          'parties': [['Lunds kommun', 'offentlig', '212000-3112'],
                                      ['Föreningen Bokbussen', 'idéburen', '802531-6442']],
                          'period': ['2027-01-01', '2028-12-31'],
                          'budget_rows': [['Chaufför', 120000], ['Drivmedel', 40000], ['Böcker', 20000]],
                          'budget_total': 180000,
                          'officials': [],
                          'signatories': [['Lunds kommun',
                                           'Eva Ekström',
                                           'Kultur- och fritidsnämndens ordförande'],
                                          ['Föreningen Bokbussen', 'Bo Almqvist', 'Kassör']],
                          'place': 'Lund',
                          'date': '2026-12-01',
                          'months': 12,
                          'committee': 'kultur- och fritidsnämnden',
                          'blocks': ['budget', 'signaturer'],
                          'known_gaps': {'pdf': {'headings': ONE_PAGE_HEADER}}}},
 'norrby-overenskommelse': {'header': 'Norrby kommun',
                            'blocks': [('lines', ['Diarienummer SN 2025-1177']),
                                       ('title', 'Idéburet offentligt partnerskap om mötesplats för unga vuxna'),
                                       ('b', '1 Parter'),
                                       ('p',
                                        'Norrby kommun, genom socialnämnden, organisationsnummer 212000-4227.'),
                                       ('p', 'Ungdomens Hus i Norrby, organisationsnummer 802533-8669.'),
                                       ('b', '2 Giltighetstid'),
                                       ('p',
                                        'Partnerskapet gäller under perioden 1 september 2025 – 31 augusti 2027.'),
                                       ('b', '3 Ekonomi'),
                                       ('p', 'Socialnämnden bidrar årligen med totalt 420 000 kronor.'),
                                       ('table',
                                        [['Personal', '300 000'],
                                         ['Lokal', '90 000'],
                                         ['Aktiviteter', '30 000'],
                                         ['Summa', '420 000']]),
                                       ('b', '4 Underskrifter'),
                                       ('signlines',
                                        ('Norrby den 14 augusti 2025',
                                         [('Norrby kommun', 'Henrik Dahl', 'socialnämndens ordförande'),
                                          ('Ungdomens Hus i Norrby', 'Leila Nasser', 'verksamhetsledare')]))],
                            'facts': {'proposal': False,
                                      'parties': [['Norrby kommun', 'offentlig', '212000-4227'],
                                                  ['Ungdomens Hus i Norrby', 'idéburen', '802533-8669']],
                                      'period': ['2025-09-01', '2027-08-31'],
                                      'budget_rows': [['Personal', 300000],
                                                      ['Lokal', 90000],
                                                      ['Aktiviteter', 30000]],
                                      'budget_total': 420000,
                                      'officials': [],
                                      'signatories': [['Norrby kommun',
                                                       'Henrik Dahl',
                                                       'socialnämndens ordförande'],
                                                      ['Ungdomens Hus i Norrby',
                                                       'Leila Nasser',
                                                       'verksamhetsledare']],
                                      'place': 'Norrby',
                                      'date': '2025-08-14',
                                      'months': 12,
                                      'committee': 'socialnämnden',
                                      'blocks': ['budget', 'signaturer'],
                                      'known_gaps': {'txt': {'recognised': NUMBER_WITHOUT_DOT, 'headings': NUMBER_WITHOUT_DOT},
                                         'pdf': {'headings': ONE_PAGE_HEADER}}}}}

SIGNED_DOCUMENTS = {"skola-overenskommelse": SKOLA_AGREEMENT, "idrott-avtal": IDROTT_AGREEMENT,
                    "jour-overenskommelse": JOUR_AGREEMENT, **HELD_OUT}


def text_lines(kind: str, value) -> list[str] | None:
    """The block as a PDF viewer's text gives it; None for a kind this module does not write."""
    if kind == "signtable":
        above, people = value
        rows = [[f"För {who}" for who, _, _ in people], ["_______________________"] * len(people),
                [name for _, name, _ in people], [title for _, _, title in people]]
        return ["", above, ""] + ["".join(cell.ljust(44) for cell in row).rstrip() for row in rows] + [""]
    if kind == "signlines":
        above, people = value
        lines = ["", above, ""]
        for who, name, title in people:
            lines += [f"För {who}", "", "_______________________", name, title, ""]
        return lines
    return None


def write_docx(document, kind: str, value) -> bool:
    """The block into a python-docx Document; False for a kind this module does not write."""
    if kind == "signtable":
        above, people = value
        document.add_paragraph(above)
        table = document.add_table(rows=3, cols=len(people))
        for column, (who, name, title) in enumerate(people):
            table.cell(0, column).text = f"För {who}"
            table.cell(1, column).text = "\n\n_______________________"
            table.cell(2, column).text = f"{name}\n{title}"
        return True
    if kind == "signlines":
        above, people = value
        document.add_paragraph(above)
        for who, name, title in people:
            for line in (f"För {who}", "_______________________", name, title):
                document.add_paragraph(line)
        return True
    return False
