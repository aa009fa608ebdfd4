"""A small hand-built model holding every node type, for writer tests."""

import datetime as dt

from drafter.model.nodes import (
    BulletList,
    ClauseUse,
    CrossRef,
    Document,
    Emph,
    FootnoteRef,
    Metadata,
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
