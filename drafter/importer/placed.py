"""What became of the page's parts that are no running text (letterhead, officials, attachments list),
so that nothing an import reads vanishes silently: each is placed in the spec, or named in the report.

The förvaltning's name (in the letterhead under the kommun's, or above the officials) is the public
party's `administration`, which drafter prints in the letterhead; "Bilaga 1: Förslag till
överenskommelse …" is the attachments list drafter writes itself (`block: bilagor`, the agreement as
Bilaga 1). What has no place is listed with its line.
"""

from __future__ import annotations

import re

from drafter.importer.structure import Structure

_AGREEMENT = re.compile(r"överenskommelse|partnerskap|\bIOP\b|avtal", re.IGNORECASE)


def place_layout(structure: Structure, data: dict, proposal: bool, unit: str) -> tuple[list[str], list[str]]:
    """Put the letterhead's förvaltning and a proposal's attachments list into the spec `data` (the
    proposal's outline must be in it); (what was placed, what was not), as report lines."""
    placed: list[str] = []
    unplaced: list[str] = []
    public = next((p for p in data.get("parties", []) if p.get("sector") == "offentlig"), None)
    head = structure.letterhead
    names = [(structure.officials_unit[1], f"{unit} {structure.officials_unit[0]}, över tjänstepersonerna")
             if structure.officials_unit else None, (head.administration, "brevhuvudet") if head else None]
    for found in names:
        if found and found[0] and public is not None:
            name, where = found
            if not public.get("administration"):
                public["administration"] = name
                public["#administration"] = where
                placed.append(f"förvaltning: {name} ({where}) → parties.{data['parties'].index(public)}.administration")
            elif public["administration"] != name:
                unplaced.append(f"\"{name}\" ({where}): en annan förvaltning än {public['administration']}")
    if head:
        used = {str(v) for p in data.get("parties", []) for v in p.values()} | {
            str(v) for v in (data.get("proposal") or {}).values() if isinstance(v, str)}
        for line in head.sender:
            if line not in used:
                unplaced.append(f"\"{line}\" (brevhuvudet)")
    if proposal and structure.officials_at_end:  # where the source has them: after the last section
        outline = data["proposal"]["outline"]
        outline[:] = [i for i in outline if i != {"block": "tjansteman"}]
        at = next((k for k, i in enumerate(outline) if isinstance(i, dict) and i.get("block") == "bilagor"), len(outline))
        outline.insert(at, {"block": "tjansteman"})
        data["proposal"]["#officials"] = "namnen och titlarna sist i utlåtandet"
    if structure.attachments:
        if proposal:
            outline = data["proposal"]["outline"]
            if not any(isinstance(i, dict) and i.get("block") == "bilagor" for i in outline):
                outline.append({"heading": "Bilagor", "block": "bilagor"})
        for no, text in structure.attachments:
            if proposal and _AGREEMENT.search(text):
                placed.append(f"\"{text}\" ({unit} {no}) → Bilagor (block: bilagor): drafter skriver överenskommelsen "
                              "som bilaga 1")
            else:
                unplaced.append(f"\"{text}\" ({unit} {no}): drafters bilageförteckning tar bara med överenskommelsen")
    return placed, unplaced
