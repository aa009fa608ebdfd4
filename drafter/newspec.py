"""`drafter new`: a commented spec for a new partnership, with a placeholder in every field to fill.

It starts from the library's standard outlines, or from an existing spec whose outlines (the
shared clauses) are kept while its parties, period, budget, figures and texts are cleared and the
clauses of that spec's own partnership give way to sections to write (drafter/newfrom.py). Placeholders
("[…]", ÅÅÅÅ-MM-DD, NNNNNN-NNNN, MM-DD, N) load, and `drafter check` lists each one with its line
until it is filled in (drafter/spec/placeholders.py).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from drafter.clauses.outline_versions import newest_ref, split_standard, with_newest
from drafter.assemble.standard_outline import read_standard
from drafter.errors import DrafterError, Where
from drafter.spec.refs import CLAUSE_REF
from drafter.spec.refs import split_ref
from drafter.spec.yaml_reader import read_yaml

# The generic outlines with the granskad clause versions (docs/clauses.md); the older outlines
# (overenskommelse, tjansteutlatande-…) stay for the specs that use them.
AGREEMENT_STANDARD = "iop-overenskommelse"
PROPOSAL_STANDARDS = {"facknamnd": "iop-tjansteutlatande-facknamnd",
                      "stadsdelsnamnd": "iop-tjansteutlatande-stadsdelsnamnd"}
# Texts the legal assessment (tjansteutlatande/rattslig-bedomning@3) takes from the spec. The clause states
# only the rule each question is judged by and the facts the spec holds; the assessment and its conclusion
# are the förvaltning's, so each question asks for both: the grounds in this partnership and the conclusion.
LEGAL_TEXTS = {
    "rattslig-lou": "[Är överenskommelsen ett köp av tjänster? Skälen i just detta partnerskap, och förvaltningens "
                    "slutsats: är lagen om offentlig upphandling tillämplig?]",
    "rattslig-statsstod": "[Är verksamheten ekonomisk, och kan bidraget påverka handeln mellan EU:s medlemsstater? "
                          "Skälen, och förvaltningens slutsats: är bidraget statsstöd?]",
    "rattslig-kl": "[Är verksamheten av allmänt intresse med anknytning till kommunens eller regionens område eller "
                   "dess medlemmar? Skälen, och förvaltningens slutsats]",
}
# The parties' own assessment of statsstöd in the agreement (villkor/statsstod@2): drafter states one only when
# the spec backs it (figures.de_minimis: stöd av mindre betydelse) or the parties write it here.
AGREEMENT_LEGAL_TEXTS = {
    "statsstod-bedomning": "[Parternas bedömning: är verksamheten ekonomisk, och kan bidraget påverka handeln mellan "
                           "EU:s medlemsstater? Skälen, och parternas slutsats: är bidraget statsstöd?]",
}
# The förvaltning's own prövning av barnets bästa (tjansteutlatande/barnrattsperspektiv@1), asked for when the
# work is with children (--barn: the agreement has villkor/belastningsregister, which is what the clause reads).
# The clause states the rule (barnkonventionen as law, art. 3.1 and 12); what is the children's best, what they
# said and the conclusion are the förvaltning's (Barnombudsmannen's prövning av barnets bästa). No digits: the
# placeholder check reads brackets with a digit as a reference ("[2 kap. 1 § KL]"), not as a question.
CHILDREN_TEXTS = {
    "barnrattsperspektiv": "[Förvaltningens prövning av barnets bästa: vilka barn berörs och hur? Vad har barnen "
                           "själva sagt, eller hur har deras åsikter inhämtats? Vad är barnets bästa, och hur tungt "
                           "väger det mot andra intressen? Förvaltningens slutsats: är förslaget till beslut förenligt "
                           "med barnets bästa?]",
}
# The förvaltning's own assessment of whether the grant fits the nämnd's budget
# (tjansteutlatande/ekonomiska-konsekvenser@3): drafter computes the amounts but never claims they fit.
BUDGET_TEXTS = {"ekonomi-budget": "[Ryms bidraget i nämndens budget? Förvaltningens bedömning]"}
# What the organisation itself contributes (parter/insatser@4 prints figures.egen_insats_text and never a text
# of its own): a question for the parties, since the agreement both sign states it. No digits (see above).
OWN_CONTRIBUTION = {
    "egen_insats_text": "[Vad organisationen själv bidrar med, med egna ord: t.ex. volontärer, lokaler, kunskap om "
                        "målgruppen eller egna nätverk]",
}
_OWN_CONTRIBUTION_NOTE = ("# Vad organisationen själv bidrar med, med egna ord: punkten Parternas insatser skriver\n"
                          "# \"Föreningen bidrar med\" och din text.\n")

_HEAD = """\
# Idéburet offentligt partnerskap (IOP): {name}
#
# Fyll i allt som står inom [ ] och varje ÅÅÅÅ-MM-DD, NNNNNN-NNNN, MM-DD och N.
#   drafter check agreements/{name}.yaml   listar det som återstår, med radnummer
#   drafter build agreements/{name}.yaml   bygger dokumenten när inget fel återstår
# Fältens betydelse: README, "Skriva en spec". Hela schemat: drafter schema.

partnership: {partnership}{pad}# partnerskapets namn: dess mapp i clauses/ för egna klausuler

document:
  subject: "[Verksamhetens namn]"   # ämne, visas i dokumentegenskaperna
  date: ÅÅÅÅ-MM-DD                  # överenskommelsens datum
  place: "[Ort]"                    # där den undertecknas
  # diarienummer: "[Dnr]"           # visas i sidhuvudet när det anges
  # status: slutlig                 # när dokumenten ska undertecknas

parties:
  # Den offentliga parten är kommunen eller regionen (den juridiska personen), som handlar genom nämnden.
  - name: "[Kommunens namn]"        # t.ex. Stockholms stad eller Region Uppsala
    sector: offentlig
    kind: kommun                    # kommun eller region
    organisationsnummer: NNNNNN-NNNN  # kommunens (212000-NNNN) eller regionens (232100-NNNN)
    committee: "[nämnden]"          # nämnden som beslutar, t.ex. socialnämnden eller Norrmalms stadsdelsnämnd
    administration: "[förvaltningen]"  # förvaltningen som bereder, t.ex. Norrmalms stadsdelsförvaltning
    # skriven som i löptext (t.ex. vård- och omsorgsförvaltningen); brevhuvudet börjar den med stor bokstav
    signatory:
      name: "[Namn]"
      title: "[befattning]"         # t.ex. socialdirektör
      signs_for: "[nämnden i kommunen]"
  - name: "[Organisationens namn]"
    sector: idéburen
    kind: ideell förening           # eller stiftelse, registrerat trossamfund, ekonomisk förening,
                                    # aktiebolag med särskild vinstutdelningsbegränsning,
                                    # registrerad idéburen organisation
    organisationsnummer: NNNNNN-NNNN
    signatory:                      # tecknar två firman tillsammans: skriv i stället
      name: "[Namn]"                #   signatories: [{{name: ..., title: ...}}, {{name: ..., title: ...}}]
      title: ordförande             #   signing: i förening
    # representatives:              # en ny företrädare (ny ordförande) är data, inget tillägg: hen
    #   - since: ÅÅÅÅ-MM-DD         # undertecknar det som dateras från och med since; det som redan är
    #     signatory: {{name: "[Namn]", title: ordförande}}   # undertecknat ändras aldrig
# Kontaktpersoner står inte i specen: punkten Kontaktpersoner (villkor/kontaktpersoner) säger att varje
# part meddelar sin skriftligen när överenskommelsen undertecknas. Ska namnen stå i överenskommelsen,
# skriv ett eget avsnitt (key: kontaktpersoner, heading: Kontaktpersoner) och texten under texts:.

period:
  start: ÅÅÅÅ-MM-DD
  end: ÅÅÅÅ-MM-DD
  renewal:                          # ta bort renewal om överenskommelsen inte förlängs
    unit: kalenderår                # kalenderår | år | halvår | månad
    max_end: ÅÅÅÅ-MM-DD             # längsta möjliga slutdatum
    notice_deadline: MM-DD          # sista dag för uppsägning varje år, t.ex. 09-30
    # min_notice_months: 3          # kortaste uppsägningstid som godtas utan varning (standard 3)

budget:
  months: 12                        # antal månader som beloppen avser
  rows:                             # hela kronor; summan räknas ut
    - {{item: Personal, amount: N}}
    - {{item: Lokaler, amount: N}}
    - {{item: Aktiviteter, amount: N}}
    - {{item: Övrigt, amount: N}}

# Organisationens egen insats (ideellt arbete, lokaler, egna medel): det uppskattade värdet i hela
# kronor, som punkten Parternas insatser anger ("till ett uppskattat värde av 240 000 kr").
# other_amounts:
#   egen_insats: N

# Nämndens beslut om partnerskapet, som data: det tjänsteutlåtandets förslag till beslut kan hämta,
# och som varje tillägg kontrolleras mot (tak, längsta slutdatum, delegation). Fyll i när det finns.
# decision:
#   by: "[nämnden]"                 # utelämnat: den offentliga partens committee
#   date: ÅÅÅÅ-MM-DD                # sammanträdets datum, när beslutet är fattat
#   paragraph: "§ N"                # paragrafen i protokollet
#   diarienummer: "[Dnr]"
#   ceiling: {{amount: N, per: år}}   # högsta belopp: per år eller för hela perioden
#   latest_end: ÅÅÅÅ-MM-DD          # senaste slutdatum nämnden godkänner
#   delegations:                    # vem som får besluta om tillägg på nämndens vägnar
#     - to: "[t.ex. socialdirektören]"   # enligt delegationsordningen; anmäls till nämnden
#       matters: [lydelse, budget]  # lydelse, budget och/eller period

{figures}
# Lämnas bidraget som stöd av mindre betydelse (de minimis): skriv de_minimis: true under figures; då
# behövs inte texts: statsstod-bedomning (punkten Statsstöd hänvisar i stället till förordningen).
# Partnerskapets egna texter (Markdown), per avsnitt. Samma namn ger samma text i
# överenskommelsen och tjänsteutlåtandet.
"""

_FIGURES = "figures: {}                         # siffror som texterna citerar, t.ex. antal_deltagare: 40\n"
_FIGURES_HEAD = "figures:                            # siffror som texterna citerar, t.ex. antal_deltagare: 40\n"

_CHILDREN = """\
# Riktar sig verksamheten till barn? Då ska föreningen begära utdrag ur belastningsregistret
# (drafter new --barn tar med det): skriv under standard: nedan
#   add: [{{after: villkor/sekretess, item: {register}}}]
# Tjänsteutlåtandet får då avsnittet Barnrättsperspektiv: skriv förvaltningens prövning av barnets
# bästa under texts: barnrattsperspektiv.
"""

_PROPOSAL = """\

# Tjänsteutlåtandet till nämnden. Ta bort hela proposal: om det inte behövs.
proposal:
  title: "[Ärendets rubrik]"
  subtitle: "[Underrubrik]"
  date: ÅÅÅÅ-MM-DD
  department: "[Avdelningen för ...]"
  # handlaggare: {{name: "[Namn]", phone: "[Telefon]"}}
  officials:
    - {{name: "[Namn]", title: "[Förvaltningschef]"}}
    - {{name: "[Namn]", title: "[Avdelningschef]"}}
"""


def new_spec_text(name: str, library_root: Path, from_spec: Path | None = None,
                  proposal_kind: str | None = None, children: bool = False, partnership: str | None = None) -> str:
    """The text of agreements/NAME.yaml for a new partnership; `proposal_kind` picks the standard
    outline of the tjänsteutlåtande (facknämnd or stadsdelsnämnd; None: facknämnd, or with `from_spec`
    the kind of that spec's tjänsteutlåtande); `children`: the work is with children, so the agreement
    binds the association to ask for register extracts (villkor/belastningsregister); `partnership`: the
    new spec's `partnership:` (None: its name without the year, partnership_of)."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.newfrom import register_ref, with_register

    library = ClauseLibrary(library_root)
    register = register_ref(library)
    head = _head(name, partnership or partnership_of(name))
    if from_spec is not None:
        return _from_spec_text(name, library_root, from_spec, proposal_kind, register if children else None, head)
    proposal_standard = PROPOSAL_STANDARDS[proposal_kind or "facknamnd"]
    keys = {**_text_keys(library_root, AGREEMENT_STANDARD), **_text_keys(library_root, proposal_standard),
            **AGREEMENT_LEGAL_TEXTS, **LEGAL_TEXTS, **BUDGET_TEXTS}
    if children and "barnrattsperspektiv" in _texts_asked({"standard": newest_ref(library_root, proposal_standard)},
                                                            library):
        keys |= CHILDREN_TEXTS
    standard = {"standard": newest_ref(library_root, AGREEMENT_STANDARD)}
    text = head.format(figures=_figures_text({}, _figures_asked(standard, library))) + _dump({"texts": keys})
    text += "\n# Avsnitten: standardmallen, ändrad med remove, replace, add och move (se README).\n"
    agreement: object = standard  # never floats
    if children:
        text += "# Verksamheten riktar sig till barn: utdrag ur belastningsregistret (villkor/belastningsregister).\n"
        agreement = with_register(agreement, register)
    else:
        text += _CHILDREN.format(register=register)
    text += _dump({"outline": agreement})
    return text + _PROPOSAL.format() + _indent(_dump({"outline": {"standard": newest_ref(library_root, proposal_standard)}}))


def _from_spec_text(name: str, library_root: Path, from_spec: Path, proposal_kind: str | None,
                    register: str | None, head: str) -> str:
    """A new partnership's spec with `from_spec`'s sections: the shared clauses kept, that partnership's
    own clauses and texts replaced by sections to write (drafter/newfrom.py), its data cleared."""
    from drafter.clauses.library import ClauseLibrary
    from drafter.newfrom import OutlineCarrier

    data, _ = read_yaml(from_spec)
    if not isinstance(data, dict) or "outline" not in data:
        raise DrafterError("Specen har ingen outline att utgå från.", Where(str(from_spec)))
    carrier = OutlineCarrier(ClauseLibrary(library_root), from_spec.name)
    for key in data.get("texts") or {}:
        carrier.carried.texts[str(key)] = "[Skriv texten här]"
    source = data.get("proposal") if isinstance(data.get("proposal"), dict) else None
    source_kind = _proposal_kind_of(data)
    kind = proposal_kind or source_kind
    from drafter.newfrom_versions import VersionChooser, written_out

    chooser = VersionChooser(carrier.library, [AGREEMENT_STANDARD, PROPOSAL_STANDARDS[kind],
                                               *(s for s in PROPOSAL_STANDARDS.values() if s != PROPOSAL_STANDARDS[kind])],
                             from_spec.name)
    source_spec = _loaded_or_none(from_spec)
    written = chooser.choices.written
    agreement = written_out(data["outline"], source_spec, ("outline",), carrier.library, carrier.carried.texts, written)
    agreement = chooser.outline(carrier.outline(agreement, [AGREEMENT_STANDARD]), AGREEMENT_STANDARD)
    if register is not None:
        from drafter.newfrom import with_register

        agreement = with_register(agreement, register)
    proposal_note = f"\n# Tjänsteutlåtandets avsnitt, som i {from_spec.name}.\n"
    if source is not None and "outline" in source and kind == source_kind:
        proposal = written_out(source["outline"], source_spec, ("proposal", "outline"), carrier.library,
                               carrier.carried.texts, written)
        proposal = carrier.outline(proposal, [PROPOSAL_STANDARDS[kind], AGREEMENT_STANDARD])
    elif source is not None or proposal_kind is not None:
        # another kind of nämnd than the one the old spec wrote to: that kind's standard outline
        proposal = carrier.outline({"standard": PROPOSAL_STANDARDS[kind]}, [])
        proposal_note = (f"\n# Tjänsteutlåtandet till en {KIND_WORDS[kind]}: standardmallen"
                         + (f" ({from_spec.name} har ett till en {KIND_WORDS[source_kind]})" if source else "")
                         + ".\n")
    else:
        proposal = None
    if proposal is not None:
        proposal = chooser.outline(proposal, PROPOSAL_STANDARDS[kind], "tjänsteutlåtandet")
    carrier.carried.clause_ids |= {split_ref(ref)[0] for ref in chooser.choices.added}
    keys = carrier.carried.texts
    if proposal is not None and "tjansteutlatande/rattslig-bedomning" in carrier.carried.clause_ids:
        keys |= {k: v for k, v in LEGAL_TEXTS.items() if k not in keys}
    if proposal is not None and "tjansteutlatande/ekonomiska-konsekvenser" in carrier.carried.clause_ids:
        keys |= {k: v for k, v in BUDGET_TEXTS.items() if k not in keys}
    agreement, proposal = with_newest(agreement, library_root), with_newest(proposal, library_root)  # never floats
    asked = _texts_asked(agreement, carrier.library)
    keys |= {k: v for k, v in AGREEMENT_LEGAL_TEXTS.items() if k in asked and k not in keys}
    if proposal is not None and "villkor/belastningsregister" in str(agreement) \
            and "barnrattsperspektiv" in _texts_asked(proposal, carrier.library):
        keys |= {k: v for k, v in CHILDREN_TEXTS.items() if k not in keys}
    cited = carrier.figures_cited()
    cleared = {key: _placeholder_like(value) for key, value in (data.get("figures") or {}).items() if key in cited}
    figures = "# Siffror som klausultexterna citerar; fyll i dem för det nya partnerskapet.\n" + _figures_text(
        cleared, _figures_asked(agreement, carrier.library))
    text = head.format(figures=figures)
    if carrier.carried.notes:
        text += (f"# Avsnitten som i {from_spec.name} hörde till det partnerskapet står här som avsnitt att\n"
                 "# skriva, eller som standardmallens avsnitt på samma plats:\n"
                 + "".join(f"#   {note}\n" for note in carrier.carried.notes))
    text += _dump({"texts": keys})
    text += f"\n# Avsnitten, som i {from_spec.name}.\n" + chooser.comment() + _dump({"outline": agreement})
    if proposal is not None:
        text += _PROPOSAL.format().replace("\nproposal:", proposal_note.rstrip("\n") + "\nproposal:", 1)
        text += _indent(_dump({"outline": proposal}))
    return text


def _figures_text(figures: dict, asked: set[str]) -> str:
    """The new spec's `figures:`: `figures` and a question for each of OWN_CONTRIBUTION the outline's clauses
    print (`asked`), with a comment on what to write there."""
    questions = {k: v for k, v in OWN_CONTRIBUTION.items() if k in asked}
    figures = {k: v for k, v in figures.items() if k not in questions}
    if not questions:
        return _dump({"figures": figures}) if figures else _FIGURES
    head = _dump({"figures": figures}) if figures else _FIGURES_HEAD
    return head + "".join(f"  {line}\n" for line in _OWN_CONTRIBUTION_NOTE.splitlines()) + _indent(
        _dump(questions))


def _figures_asked(outline: object, library) -> set[str]:
    """The figures the outline's library clauses print (`figures.KEY`)."""
    return {m for body in _bodies(outline, library) for m in re.findall(r"figures\.([a-z0-9_]+)", body)}


def _texts_asked(outline: object, library) -> set[str]:
    """The keys of texts: the outline's library clauses print (`texts["KEY"]`)."""
    return {m for body in _bodies(outline, library) for m in re.findall(r"""texts\["([^"]+)"\]""", body)}


def _bodies(outline: object, library) -> list[str]:
    """The texts of the outline's library clauses, as the new spec writes the outline: a list of items, or a
    standard outline named with its version and changed by remove, replace, add."""
    from drafter.clauses.library import ClauseNotFound

    refs: list[str] = []
    if isinstance(outline, dict) and isinstance(outline.get("standard"), str):
        changed = {split_ref(str(r))[0] for r in [*(outline.get("remove") or []), *(outline.get("replace") or {})]}
        model, _ = read_standard(outline["standard"], library.root, Where(outline["standard"]))
        refs = [i.clause for i in _walk(model.outline) if i.clause and split_ref(i.clause)[0] not in changed]
        outline = [outline.get("replace") or {}, outline.get("add") or []]
    refs += re.findall(r"[a-z0-9-]+/[a-z0-9/-]+@\d+", str(outline))
    bodies: list[str] = []
    for ref in refs:
        try:
            bodies.append(library.get(ref).body)
        except ClauseNotFound:
            continue
    return bodies


def _loaded_or_none(path: Path):
    """The source spec as a build reads it (a standard outline with its changes can then be written
    out), or None when it does not load: its outlines are then carried as written."""
    from drafter.spec.load import load_spec

    try:
        return load_spec(path)
    except DrafterError:
        return None


KIND_WORDS = {"facknamnd": "facknämnd", "stadsdelsnamnd": "stadsdelsnämnd"}


def _proposal_kind_of(data: dict) -> str:
    """Which kind of nämnd a spec's tjänsteutlåtande goes to: by its standard outline or decision
    clause, else by the public party's nämnd (… stadsdelsnämnd)."""
    proposal = data.get("proposal")
    outline = proposal.get("outline") if isinstance(proposal, dict) else None
    if isinstance(outline, dict) and split_standard(str(outline.get("standard", "")))[0].endswith("stadsdelsnamnd"):
        return "stadsdelsnamnd"
    if "forslag-till-beslut-stadsdelsnamnd" in str(outline):
        return "stadsdelsnamnd"
    parties = data.get("parties")
    committees = [str(p.get("committee", "")) for p in (parties if isinstance(parties, list) else [])
                  if isinstance(p, dict)]
    return "stadsdelsnamnd" if any("stadsdelsnämnd" in c.lower() for c in committees) else "facknamnd"


def check_new_name(name: str, agreements: Path) -> Path:
    """agreements/NAME.yaml for a spec about to be written: a usable name, and no file there yet."""
    if not CLAUSE_REF.fullmatch(name) or "/" in name or "@" in name:
        raise DrafterError(f"'{name}' går inte att använda som namn på en spec.",
                           hint="Använd små bokstäver a–z, siffror och bindestreck, t.ex. forening-x-2027.")
    path = agreements / f"{name}.yaml"
    if path.exists():
        raise DrafterError("Specen finns redan; drafter skriver inte över en spec.", Where(str(path)),
                           "Välj ett annat namn eller ta bort filen först.")
    return path


def write_new_spec(name: str, agreements: Path, library_root: Path, from_spec: Path | None = None,
                   proposal_kind: str | None = None, children: bool = False, partnership: str | None = None,
                   asked: str = "--partnership") -> Path:
    """agreements/NAME.yaml for a new partnership (new_spec_text); `asked`: what the user gave
    `partnership` as, for an error about it (the option, or the web form's field)."""
    path = check_new_name(name, agreements)
    if partnership:
        check_partnership(partnership, name, library_root, asked)
    from drafter.output import write_atomic

    agreements.mkdir(parents=True, exist_ok=True)
    text = new_spec_text(name, library_root, from_spec, proposal_kind, children, partnership or None)
    write_atomic(path, text.encode("utf-8"))
    return path


def partnership_of(name: str) -> str:
    """A new spec's partnership: its name without the year(s) at its end (laxhjalp-2027 → laxhjalp), so
    that its renewals (laxhjalp-2030) go by the same one."""
    return re.sub(r"(-\d{4})+$", "", name) or name


def check_partnership(partnership: str, name: str, library_root: Path, asked: str = "--partnership") -> None:
    """A partnership asked for (`asked`: the option, or the web form's field) as `drafter check` will take
    it: a folder of clauses/ with that partnership's texts, or one the spec's name says (a new partnership
    has none yet)."""
    from drafter.checks.partnership import folder_problem
    from drafter.clauses.library import ClauseLibrary
    from drafter.spec.model import KEY

    if not KEY.fullmatch(partnership):
        raise DrafterError(f"'{partnership}' går inte att använda som namn på ett partnerskap.",
                           hint="Skriv mappens namn i clauses/, t.ex. street-minds: små bokstäver a–z, siffror och "
                                "bindestreck.")
    problem = folder_problem(ClauseLibrary(library_root), partnership, lambda: [name])
    if problem is not None:
        said, hint = problem
        if said.startswith("mappen"):  # the shared library's folder
            hint = f"Ange mappen med partnerskapets egna klausuler (som street-minds), eller utelämna {asked}."
        elif not hint.startswith("Menade du"):
            hint = (f"Ett nytt partnerskap utan egna klausuler får specens namn utan årtal: utelämna {asked}, "
                    f"eller ge specen partnerskapets namn (t.ex. {partnership}-2027).")
        raise DrafterError(f"{asked} {partnership}: {said[0].upper()}{said[1:]}", hint=hint)


def field_comments() -> frozenset[str]:
    """The end-of-line comments `drafter new` writes: each explains its field ("# överenskommelsens
    datum"), not the value beside it, so a renewal that changes the value keeps them (drafter/renew.py)."""
    found = set()
    for line in (_HEAD.replace("{pad}", " ") + _FIGURES + _PROPOSAL).replace("{{", "{").replace("}}", "}").splitlines():
        body = line.lstrip()
        if body.startswith("#"):  # a commented-out field ("#   date: ÅÅÅÅ-MM-DD   # sammanträdets datum")
            body = body[1:]
        said = re.search(r"\S\s+(#\s.*)$", body)
        if said and not said.group(1).startswith("# {"):
            found.add(" ".join(said.group(1).split()))
    return frozenset(found)


def decision_scaffold() -> str:
    """The commented `decision:` block of a new spec, for a renewal to offer again (the nämnd decides anew)."""
    text = _HEAD.replace("{{", "{").replace("}}", "}")
    start = text.index("# Nämndens beslut om partnerskapet")
    end = text.index("\n\n", start)
    return text[start:end + 1]


def _head(name: str, partnership: str) -> str:
    """The new spec's head, its `partnership:` written: a template with {figures} left to fill."""
    pad = " " * max(1, 24 - len(partnership))
    return _HEAD.replace("{name}", name).replace("{partnership}", partnership).replace("{pad}", pad)


def _placeholder_like(value) -> str:
    """The placeholder for a cleared figure, of the same kind as the value it replaces (a day and month,
    "03-31", is MM-DD: a clause reads it as a date, and `check` stands in a date for that placeholder)."""
    if isinstance(value, str) and re.fullmatch(r"\d\d-\d\d", value.strip()):
        return "MM-DD"
    if isinstance(value, bool) or not isinstance(value, (int, dt.date)):
        return "[Fyll i]"
    return "ÅÅÅÅ-MM-DD" if isinstance(value, dt.date) else "N"


def _text_keys(library_root: Path, standard: str) -> dict[str, str]:
    """The standard outline's text sections: key → its placeholder text."""
    model, _ = read_standard(standard, library_root, Where(standard))
    return {item.key: item.text for item in _walk(model.outline) if item.key and item.text}


def _walk(items):
    for item in items:
        yield item
        yield from _walk(item.sections)


def _dump(data) -> str:
    from drafter.spec.yaml_write import dump_new

    return dump_new(data)


def _indent(text: str) -> str:
    return "".join(f"  {line}" if line.strip() else line for line in text.splitlines(keepends=True))
