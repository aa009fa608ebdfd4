"""Small hand-built models holding every node type, for writer tests: an agreement and a proposal."""

import datetime as dt

from drafter.model.nodes import (
    BulletList,
    ClauseUse,
    CrossRef,
    Document,
    Emph,
    FootnoteRef,
    Letterhead,
    Metadata,
    Official,
    Officials,
    OrderedList,
    Paragraph,
    Section,
    Signatory,
    SignatureBlock,
    Strong,
    Table,
    Text,
)
from drafter.model.numbering import number_document


def sample_document(party: str = "Föreningen Ös & Co <\"Ära\"> 'AB'") -> Document:
    money = "\u00a0".join(["1", "000", "000"]) + " kr"
    doc = Document(
        kind="agreement",
        meta=Metadata(
            title=f"Överenskommelse om idéburet offentligt partnerskap (IOP) mellan Socialförvaltningen och {party}",
            subject="Öppen verksamhet",
            author="Socialförvaltningen",
            keywords=["IOP", "överenskommelse"],
            diarienummer="SoN 2026/123",
            date=dt.date(2026, 6, 15),
            place="Stockholm",
        ),
        sections=[
            Section(
                heading="Bakgrund",
                clause=ClauseUse("inledning/bakgrund", 1, "0" * 64, "clauses/inledning/bakgrund/v1.md"),
                blocks=[
                    Paragraph([Text("Ett stycke med "), Strong([Text("fet")]), Text(" och "), Emph([Text("kursiv")]),
                               Text(" text"), FootnoteRef([Paragraph([Text("En fotnot om Bostad Först.")])]),
                               Text(f". Se {''}"), CrossRef("villkor/aterkrav"), Text(".")]),
                    BulletList([[Paragraph([Text("första punkten")])], [Paragraph([Text(party)])]]),
                    OrderedList([[Paragraph([Text("Bostad är en mänsklig rättighet")])],
                                 [Paragraph([Text("Rätten till val och självbestämmande")])]]),
                ],
                sections=[Section(heading="Förnyad överenskommelse", blocks=[Paragraph([Text("Underpunkt.")])])],
            ),
            Section(
                heading="Villkor",
                sections=[
                    Section(
                        heading="Ekonomisk ersättning",
                        blocks=[
                            Paragraph([Text("Ersättning under 12 månader:")]),
                            Table(
                                header=[[Text("Beskrivning av resurs")], [Text("Kostnad (kronor)")]],
                                rows=[[[Text("Personal")], [Text("878\u00a0000")]],
                                      [[Text("Aktiviteter")], [Text("122\u00a0000")]]],
                                total=[[Text("Summa")], [Text(money)]],
                                align=["left", "right"],
                            ),
                        ],
                    ),
                    Section(
                        heading="Återkrav",
                        clause=ClauseUse("villkor/aterkrav", 1, "1" * 64, "clauses/villkor/aterkrav/v1.md"),
                        blocks=[Paragraph([Text("Vid hävning kan föreningen bli återbetalningsskyldig.")])],
                    ),
                ],
            ),
            Section(
                heading="Signering av överenskommelsen",
                blocks=[
                    Paragraph([Text("Överenskommelsen är upprättad i två likalydande exemplar.")]),
                    SignatureBlock([
                        Signatory("För socialnämnden i Stockholms stad", "Veronica Carstorp Wolgast",
                                  "socialdirektör", "Stockholm den"),
                        Signatory(f"För {party}", None, "ordförande", "Stockholm den"),
                    ]),
                ],
            ),
        ],
    )
    number_document(doc)
    return doc


PROPOSAL_PARTY = "Föreningen Ös & Co <\"Ära\"> 'AB'"
OFFICIALS = [("Veronica Carstorp Wolgast", "Socialdirektör"), ("Anna Andersson", "Avdelningschef"),
             (None, "Enhetschef")]


def sample_proposal(party: str = PROPOSAL_PARTY) -> Document:
    """A tjänsteutlåtande: letterhead, subtitle, unnumbered sections, the officials in a
    headless section right after the decision points, a footnote, an eight-item list, Bilagor."""
    filler = ("Förvaltningen har under våren fört en dialog med föreningen om hur insatserna kan "
              "utvecklas i samverkan. ") * 9
    doc = Document(
        kind="proposal",
        meta=Metadata(
            title=f"Förslag om idéburet offentligt partnerskap med {party}",
            subtitle=f"Överenskommelse mellan socialnämnden och {party} om öppen verksamhet",
            subject="Tjänsteutlåtande till Socialnämnden",
            author="Socialförvaltningen",
            keywords=["IOP", "Tjänsteutlåtande"],
            diarienummer="SoF 2023/123",
            date=dt.date(2023, 8, 29),
            place="Stockholm",
            letterhead=Letterhead(
                sender=["Socialförvaltningen", "Avdelningen för stadsövergripande sociala frågor"],
                document_type="Tjänsteutlåtande",
                references=[("Dnr", "SoF 2023/123"), ("Datum", "2023-08-29"),
                            ("Handläggare", "Anna Andersson & <Co>"), ("Telefon", "08-508 25 000")],
                recipient="Till Socialnämnden",
            ),
        ),
        sections=[
            Section(
                heading="Förvaltningens förslag till beslut",
                numbered=False,
                blocks=[
                    Paragraph([Text("Socialnämnden beslutar att")]),
                    OrderedList([
                        [Paragraph([Text(f"ingå en överenskommelse om idéburet offentligt partnerskap med {party} "
                                         "för perioden 2024–2026,")])],
                        [Paragraph([Text("avsätta 1\u00a0000\u00a0000 kronor per år för partnerskapet,")])],
                        [Paragraph([Text("omedelbart justera beslutet.")])],
                    ]),
                ],
            ),
            Section(heading="", numbered=False,
                    blocks=[Officials([Official(name, title) for name, title in OFFICIALS])]),
            Section(
                heading="Sammanfattning",
                numbered=False,
                blocks=[Paragraph([Text("Föreningen bedriver öppen verksamhet för personer i hemlöshet"),
                                   FootnoteRef([Paragraph([Text("Enligt socialnämndens definition av hemlöshet.")])]),
                                   Text(". "), Strong([Text("Förvaltningen")]), Text(" föreslår ett partnerskap.")])],
            ),
            Section(heading="Bakgrund", numbered=False,
                    blocks=[Paragraph([Text(filler)]), Paragraph([Text(filler)])]),
            Section(
                heading="Ärendet",
                numbered=False,
                blocks=[
                    Paragraph([Text("Partnerskapet bygger på följande principer:")]),
                    OrderedList([[Paragraph([Text(f"Princip nummer {i} för samverkan")])] for i in range(1, 9)]),
                ],
                sections=[Section(heading="Förvaltningens synpunkter", numbered=False,
                                  blocks=[Paragraph([Text(filler)])])],
            ),
            Section(
                heading="Bilagor",
                numbered=False,
                blocks=[OrderedList([
                    [Paragraph([Text(f"Överenskommelse om IOP med {party}")])],
                    [Paragraph([Text("Budget för 2024")])],
                ])],
            ),
        ],
    )
    number_document(doc)
    return doc
