"""The spec's JSON Schema in Swedish: titles and descriptions that editors show as tooltips.

Field names stay English (clause texts write `period.start`); what a person reads about them is
Swedish. Kept beside the model rather than in its docstrings, which say why for developers.
"""

from __future__ import annotations

FIELD_TITLES = {
    "acknowledge": "Kvitterade varningar", "about": "Gäller", "reason": "Skäl", "code": "Kod",
    "add": "Lägg till", "administration": "Förvaltning", "after": "Efter", "amendments": "Tillägg",
    "amount": "Belopp", "amount_heading": "Rubrik för beloppen", "author": "Upphovsman", "before": "Före",
    "block": "Block", "budget": "Budget", "by": "Beslutat av", "changes": "Ändringar", "clause": "Klausul",
    "committee": "Nämnd", "date": "Datum", "decision": "Beslut", "department": "Avdelning",
    "diarienummer": "Diarienummer", "document": "Dokument", "effective": "Gäller från", "end": "Slutdatum",
    "figures": "Uppgifter", "handlaggare": "Handläggare", "header": "Rubrikrad", "heading": "Rubrik",
    "insert_after": "Ny punkt efter", "into": "Sist i", "item": "Post", "item_heading": "Rubrik för posterna",
    "key": "Namn på avsnittet", "kind": "Slag", "kr": "Skriv kr", "max_end": "Längsta slutdatum",
    "min_notice_months": "Kortaste uppsägningstid i månader",
    "months": "Månader", "move": "Flytta", "municipality": "Kommun", "name": "Namn",
    "notice_deadline": "Sista dag för uppsägning", "number": "Nummer", "numbered": "Numrerad",
    "officials": "Tjänstepersoner", "other_amounts": "Andra belopp", "other_periods": "Andra perioder",
    "per": "Per", "organisationsnummer": "Organisationsnummer", "outline": "Avsnitt",
    "paragraph": "Paragraf", "parties": "Parter", "partnership": "Partnerskap", "period": "Period", "phone": "Telefon", "place": "Ort",
    "proposal": "Tjänsteutlåtande", "remove": "Ta bort", "renewal": "Förlängning", "renews": "Förnyar",
    "renews_ends": "Den förnyade upphör", "renews_ended_by": "Så upphör den förnyade", "how": "Hur",
    "replace": "Byt ut", "rows": "Rader", "section": "Avsnitt", "sections": "Underavsnitt", "sector": "Sektor",
    "set": "Ändrade uppgifter", "signatories": "Undertecknare", "signatory": "Undertecknare", "signed": "Redan undertecknad",
    "signing": "Firmateckning", "signs_for": "Undertecknar för", "standard": "Standardmall", "start": "Startdatum",
    "status": "Status", "subject": "Ämne", "subtitle": "Underrubrik", "sum": "Summarad", "table": "Tabell",
    "text": "Text", "texts": "Texter", "title": "Titel", "total": "Summa", "unit": "Enhet",
    "ceiling": "Tak", "delegations": "Delegation", "latest_end": "Senaste slutdatum", "matters": "Får besluta om",
    "representatives": "Nya företrädare", "since": "Från och med", "transition": "Övergångsbestämmelse",
    "to": "Delegat",
}

MODELS = {
    "Spec": ("Spec för ett partnerskap", "Ett partnerskap: parter, period, budget, uppgifter och dokumentens avsnitt."),
    "DocumentInfo": ("Dokumentuppgifter", "Uppgifter som gäller alla dokument som specen bygger."),
    "Party": ("Part", "En part i överenskommelsen: den offentliga parten (kommun eller region genom en nämnd) "
                      "eller en idéburen organisation."),
    "Signatory": ("Undertecknare", "Den som undertecknar för en part."),
    "Period": ("Period", "Överenskommelsens första period och dess förlängning."),
    "RenewsEndedBy": ("Så upphör den förnyade", "Hur och när den överenskommelse som förnyas upphör när den enligt "
                                                "sin text löper tills vidare: uppsägning eller överenskommelse."),
    "Renewal": ("Förlängning", "Hur överenskommelsen förlängs och när den senast kan sägas upp."),
    "Budget": ("Budget", "Bidraget per post; summan räknas ut."),
    "BudgetRow": ("Budgetpost", "En post i budgeten."),
    "BudgetTable": ("Budgettabell", "Hur budgettabellen ser ut; standard är tabellen som exemplen undertecknades med."),
    "OutlineItem": ("Avsnitt", "Ett avsnitt: en klausul (id eller id@version), en rubrik, en text ur specen "
                               "eller ett datablock, med underavsnitt."),
    "StandardOutline": ("Standardmall", "En standardmall ur biblioteket (clauses/outlines/NAMN/vN.yaml), ändrad för "
                                        "den här specen."),
    "Addition": ("Tillagt avsnitt", "Ett avsnitt som läggs till, och var."),
    "Move": ("Flyttat avsnitt", "Ett avsnitt som flyttas, och vart."),
    "Proposal": ("Tjänsteutlåtande", "Tjänsteutlåtandet som ber nämnden godkänna partnerskapet."),
    "Official": ("Tjänsteperson", "En tjänsteperson som undertecknar tjänsteutlåtandet."),
    "Handlaggare": ("Handläggare", "Handläggaren som står i sidhuvudet."),
    "Decision": ("Beslut", "Beslutet om ett tillägg: vem, när och paragraf."),
    "Change": ("Ändring", "En ändring i ett tillägg: en punkt byts ut, upphör eller förs in, eller uppgifter "
                          "ändras. Punkter anges med sitt nummer i den undertecknade överenskommelsen (5.2)."),
    "Acknowledgement": ("Kvittering", "En varning som specen behåller med avsikt: kod, vad den gäller och skälet."),
    "OtherAmount": ("Annat belopp", "Ett belopp som texterna anger utöver budgeten: egen insats, annan finansiering "
                                    "eller ersättningen för en delperiod."),
    "OtherPeriod": ("Annan period", "En period som texterna anger och som inte är överenskommelsens, t.ex. en annan "
                                    "överenskommelse eller ett statsbidrag."),
    "CommitteeDecision": ("Nämndens beslut", "Nämndens beslut om partnerskapet: vad den godkände (tak, längsta "
                                             "slutdatum) och vad den delegerade, och till vem."),
    "Ceiling": ("Tak", "Det högsta belopp nämnden godkänner, per år eller för hela perioden."),
    "Delegation": ("Delegation", "Vem som får besluta om ändringar på nämndens vägnar, och om vad."),
    "Representative": ("Ny företrädare", "En ny undertecknare för parten från ett datum, t.ex. en ny ordförande."),
    "Amendment": ("Tillägg", "Tillägg nr N: undertecknas av parterna och gäller från effective."),
    "AmendmentProposal": ("Tjänsteutlåtande om tillägget",
                          "Tjänsteutlåtandet som ber nämnden besluta om tillägget; det som utelämnas tas från "
                          "överenskommelsens tjänsteutlåtande eller standardmallen."),
}


def field_title(name: str, _info=None) -> str:
    return FIELD_TITLES.get(name, name)


def model_title(model: type) -> str:
    return MODELS.get(model.__name__, (model.__name__, ""))[0]


def model_schema_extra(schema: dict, model: type) -> None:
    """The model's Swedish description in place of its (English) docstring."""
    if model.__name__ in MODELS:
        schema["description"] = MODELS[model.__name__][1]
