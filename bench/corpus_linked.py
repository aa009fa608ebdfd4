"""Import corpus documents (bench/import_corpus.py writes them) whose texts state what the spec holds, in
the words a tester met in an unseen set (trial 10), each written anew for the corpus: a total stated in
prose equal to the budget table's sum ("totalt 480 000 kronor per år", "sammanlagt 95 000 kr"), the kommun
acting "genom omsorgsnämnden", and a tjänsteutlåtande whose "Omsorgsnämnden föreslås besluta", "bevilja
föreningen 480 000 kr" and "omsorgsnämndens budget" name the same nämnd and amount.

`driven` in the facts: what the imported clauses must write as the spec's expressions (budget.total,
public.committee) and that the spec says its partnership, so that a change in the spec reaches the text.
"""

from __future__ import annotations

# Gaps outside this corpus's subject (headings), kept visible as expected failures in tests/importer/test_corpus.py.
TABLE_HEADER = ("a one-page text's running header and title, and a table's two-word header line ('Post Kronor') in "
                "PDF text, are read as headings (drafter/importer/structure.py)")

OMSORG_AGREEMENT = {
    "header": "Mellerstads kommun – Föreningen Vänskapsbron",
    "blocks": [
        ("lines", ["Dnr ON 2026/0144"]),
        ("title", "Överenskommelse om idéburet offentligt partnerskap för besöksvänner"),
        ("h1", "Parter"),
        ("p", "Mellerstads kommun, genom omsorgsnämnden, organisationsnummer 212000-2338, nedan kallad kommunen."),
        ("p", "Föreningen Vänskapsbron, organisationsnummer 802524-2879, nedan kallad föreningen."),
        ("h1", "Syfte"),
        ("p", "Partnerskapet ska bryta ensamhet hos äldre som bor hemma genom frivilliga besöksvänner som "
              "föreningen rekryterar, utbildar och stöttar."),
        ("h1", "Period"),
        ("p", "Överenskommelsen gäller från och med 1 mars 2026 till och med 28 februari 2028."),
        ("h1", "Ekonomi"),
        ("p", "Kommunen bidrar med totalt 480 000 kronor per år, fördelat enligt tabellen. Bidraget ryms i "
              "omsorgsnämndens budget för förebyggande insatser."),
        ("table", [["Post", "Kronor"], ["Samordnare (halvtid)", "310 000"], ["Utbildning av besöksvänner", "95 000"],
                   ["Resor och material", "75 000"], ["Summa", "480 000"]]),
        ("p", "Av bidraget går 95 000 kr till utbildning av besöksvänner under det första året."),
        ("h1", "Underskrifter"),
        ("signtable", ("Mellerstad den 12 februari 2026",
                       [("Mellerstads kommun", "Ingrid Palm", "Ordförande, omsorgsnämnden"),
                        ("Föreningen Vänskapsbron", "Reza Karimi", "Ordförande")])),
    ],
    "facts": {
        "proposal": False,
        "parties": [["Mellerstads kommun", "offentlig", "212000-2338"],
                    ["Föreningen Vänskapsbron", "idéburen", "802524-2879"]],
        "period": ["2026-03-01", "2028-02-28"],
        "budget_rows": [["Samordnare (halvtid)", 310000], ["Utbildning av besöksvänner", 95000],
                        ["Resor och material", 75000]],
        "budget_total": 480000,
        "officials": [],
        "signatories": [["Mellerstads kommun", "Ingrid Palm", "Ordförande, omsorgsnämnden"],
                        ["Föreningen Vänskapsbron", "Reza Karimi", "Ordförande"]],
        "place": "Mellerstad", "date": "2026-02-12", "months": 12, "committee": "omsorgsnämnden",
        "diarienummer": "ON 2026/0144", "blocks": ["budget", "signaturer"],
        "driven": ["budget.total", "budget.rows", "public.committee", "partnership"],
        "known_gaps": {"txt": {"headings": TABLE_HEADER}, "pdf": {"headings": TABLE_HEADER}},
    },
}

OMSORG_PROPOSAL = {
    "header": "Tjänsteutlåtande Dnr ON 2026/0144",
    "blocks": [
        ("letterhead", ["Mellerstads kommun", "Omsorgsförvaltningen", "Avdelningen för förebyggande arbete",
                        "Tjänsteutlåtande", "2026-01-20", "Dnr ON 2026/0144", "Till omsorgsnämnden"]),
        ("h1title", "Idéburet offentligt partnerskap med Föreningen Vänskapsbron"),
        ("h2", "Förslag till beslut"),
        ("p", "Omsorgsnämnden föreslås besluta"),
        ("nums", ["att ingå idéburet offentligt partnerskap med Föreningen Vänskapsbron enligt bilaga 1,",
                  "att bevilja föreningen 480 000 kr per år för perioden 1 mars 2026 – 28 februari 2028,",
                  "att uppdra åt ordföranden att underteckna överenskommelsen."]),
        ("h2", "Sammanfattning"),
        ("p", "Föreningen Vänskapsbron förmedlar besöksvänner till äldre som bor hemma. Förvaltningen föreslår ett "
              "partnerskap som gör verksamheten stabil."),
        ("h2", "Ekonomiska konsekvenser"),
        ("p", "Kostnaden om 480 000 kr per år ryms inom omsorgsnämndens budget för förebyggande insatser."),
        ("p", "Omsorgsförvaltningen"),
        ("officials_table", [("Katarina Ström", "Omsorgsdirektör"), ("Jonas Berg", "Avdelningschef")]),
        ("lines", ["Bilaga 1: Förslag till överenskommelse om idéburet offentligt partnerskap med Föreningen "
                   "Vänskapsbron"]),
    ],
    "facts": {
        "proposal": True,
        "title": "Idéburet offentligt partnerskap med Föreningen Vänskapsbron",
        "parties": [["Omsorgsförvaltningen", "offentlig"], ["Föreningen Vänskapsbron", "idéburen"]],
        "administration": "Omsorgsförvaltningen",
        "period": ["2026-03-01", "2028-02-28"],
        "budget_rows": [["Ersättning enligt överenskommelsen", 480000]],
        "budget_total": 480000,
        "officials": [["Katarina Ström", "Omsorgsdirektör"], ["Jonas Berg", "Avdelningschef"]],
        "committee": "omsorgsnämnden",
        "attachments": True,
        "driven": ["budget.total", "public.committee", "partnership"],
    },
}

LINKED_DOCUMENTS = {"omsorg-overenskommelse": OMSORG_AGREEMENT, "omsorg-tjansteutlatande": OMSORG_PROPOSAL}
