"""What `drafter renew` tells the official: what to do before the renewed spec is used, and what to know.

The renewal (drafter/renew.py) writes the new spec; this reads it back, with its line numbers, and lists
what only a person can judge, each with its file and line: dates left to fill in, signatories without a
name, texts and figures that state a year, a date or an amount typed by hand, amounts and periods of the
old agreement, the party moved from förvaltning to kommun, and clauses that have a newer approved version.
The förvaltning's prövning of barnets bästa (texts: barnrattsperspektiv) is always to do: it was made for
the old decision, and the nämnd's new decision needs its own (barnkonventionen art. 3, as law since 2020).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from drafter.checks.prose_data import UNTIL_FURTHER
from drafter.checks.prose_signing import SIGNING_LINE
from drafter.checks.proposal_text import _RENEWED, ENTER
from drafter.formatting import datum, genitiv, kronor
from drafter.renew_party import Drafted, Shared
from drafter.swedish.elections import elections_between

if TYPE_CHECKING:
    from drafter.clauses.library import ClauseVersion

YEAR = re.compile(r"(?<![\d-])(19|20)\d{2}(?![\d-])")
MONTH_DATE = re.compile(r"\b\d{1,2} (januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
                        r"december)\b", re.IGNORECASE)
AMOUNT = re.compile(r"\b\d{1,3}(?:[ \u00a0]\d{3})+(?:[ \u00a0]?(?:kr|kronor|tkr))?\b|\b\d+[ \u00a0]?(?:kr|kronor|tkr)\b")
_EXPRESSION = re.compile(r"{{.*?}}|{%.*?%}", re.S)
_SENTENCE = re.compile(r"[^.!?]+[.!?]?")


@dataclass
class Review:
    """Something the official must read before the renewed spec is used."""

    where: str  # "agreements/x-2029.yaml:41" or "street-minds/bakgrund@1:18"
    what: str  # what to look at, in Swedish
    text: str  # the sentence or value
    todo: bool = False  # must be done before the new agreement is built and decided; else to know


@dataclass
class ClauseChoice:
    """A clause the renewal pins, and the newer versions the official may choose instead."""

    clause_id: str
    pinned: int
    newer: list[tuple[int, str, str]] = field(default_factory=list)  # (version, status, rationale)


@dataclass
class Renewal:
    path: Path
    review: list[Review]
    choices: list[ClauseChoice]

    def report(self, renewed: str, shown: str | None = None) -> list[tuple[str, list[str]]]:
        """What `drafter renew` and the web page's Förnya tell, in the same words: (heading, lines) in
        order, the first and last without lines; between them what the official must do before the new
        agreement can be built and decided, then what is for information (a trial found the two mixed in
        one list of 40 lines). `renewed`: the old spec's file name; `shown`: the new spec's path as the
        reader knows it (default: as written)."""
        path = shown or str(self.path)
        parts: list[tuple[str, list[str]]] = [(f"{path}: skriven, förnyar {renewed}.", [])]
        todo = [_said(item) for item in self.review if item.todo]
        if todo:
            parts.append((TODO, todo))
        know = [_said(item) for item in self.review if not item.todo]
        if self.choices:
            know.append("Nyare klausulversioner att välja (den nya specen använder samma versioner som förut; "
                        "byt genom att ändra @N i outline:):")
            know += [f"{c.clause_id}@{c.pinned} → v{version} ({status}): {rationale}"
                     for c in self.choices for version, status, rationale in c.newer]
        if know:
            parts.append((KNOW, know))
        parts.append((f"Gör det som står under Att göra och kör `drafter check {path}`." if todo
                      else f"Kör `drafter check {path}`.", []))
        return parts


TODO = "Att göra innan den nya överenskommelsen kan byggas och beslutas:"
KNOW = "Att känna till (hindrar inte att den nya specen byggs):"


def _said(item: Review) -> str:
    return f"{item.where}: {item.what}: \"{item.text}\""


def review_renewal(path: Path, data: dict, documents, library, moves: list, old: Path, decision) -> list[Review]:
    """Everything to review in the renewed spec at `path` (written from `data`), in the report's order:
    what to fill in, the party moved, what is stated by hand, and the old nämnd decision left behind."""
    review = _to_fill_in(path, data) + _party_review(path, moves) + _review(path, data, documents, library, {
        m.clause_id: f"{m.draft}@{m.new}" for m in moves if isinstance(m, Drafted)})
    if decision is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
        at = next((n for n, line in enumerate(lines, 1) if line.startswith("# decision:")), None)
        review.append(Review(f"{path.as_posix()}:{at}" if at else str(path),
                             "nämndens beslut (decision:) följer inte med: nämnden beslutar på nytt om den förnyade "
                             "överenskommelsen; skriv in det nya beslutet under decision: när det är fattat"
                             + (" (det står bortkommenterat här, som i en ny spec)" if at else "") + "; det förra var",
                             _decision_said(decision), todo=True))
    return review


_ELECTED = re.compile(r"ordförande|ordf\.|ledamot|kommunalråd|regionråd|presidie", re.IGNORECASE)


def mandate_review(path: Path, data: dict, old) -> list[Review]:
    """The signatories carried into a new mandate period: after a general election the nämnd is elected
    anew (fullmäktige from 15 October of the election year, kommunallagen 5 kap. 9 §; the styrelse from
    1 January after it, 6 kap. 18 §, and the other nämnder as fullmäktige decides, mostly the same), so
    the chair who signed the old agreement may not sign the new one, and the nämnd itself may be gone."""
    from drafter.spec.yaml_reader import read_yaml

    start = (data.get("period") or {}).get("start")
    if not isinstance(start, dt.date):
        return []
    held = elections_between(old.document.date, start)
    if not held:
        return []
    election = held[-1]
    _, positions = read_yaml(path)
    out = []
    for n, party in enumerate(data.get("parties") or []):
        if not isinstance(party, dict):
            continue
        people = ([(("parties", n, "signatory"), party["signatory"])] if isinstance(party.get("signatory"), dict)
                  else [(("parties", n, "signatories", k), p) for k, p in enumerate(party.get("signatories") or [])
                        if isinstance(p, dict)])
        for field_path, person in people:
            name, title = person.get("name"), person.get("title")
            signed = {p.name for p in old.parties[n].signatories} if n < len(old.parties) else set()
            if not name or name not in signed:
                continue  # _to_fill_in asks for a missing name; a new one the official wrote in knowingly
            where = f"{path.as_posix()}:{_line(positions, field_path)}"
            said = f"{name} ({title})" if title else str(name)
            if party.get("sector") != "offentlig":
                out.append(Review(where, f"undertecknaren för {party.get('name')} är densamma som i den förra "
                                  "överenskommelsen; kontrollera att hen fortfarande har rätt att teckna "
                                  "organisationen (styrelsens beslut om firmatecknare)", said))
                continue
            body = str(party.get("committee") or party.get("name"))
            elected = bool(_ELECTED.search(str(title or "")))
            what = (f"undertecknaren är densamma som i den förra överenskommelsen ({datum(old.document.date)}), men "
                    f"allmänna val den {datum(election)} ligger mellan den och den nya periodens början. "
                    "Fullmäktiges nya mandatperiod börjar "
                    f"15 oktober {election.year} (kommunallagen 5 kap. 9 §), styrelsens börjar 1 januari "
                    f"{election.year + 1} (6 kap. 18 §) och övriga nämnders när fullmäktige bestämt, oftast samma "
                    "dag. ")
            what += (f"Kontrollera vem som är {genitiv(body)} ordförande när överenskommelsen undertecknas, att "
                     f"{body} finns kvar med samma uppgifter i den nya nämndorganisationen, och skriv den som undertecknar under "
                     "signatory (eller representatives: med since: när den nya ordföranden tillträder)"
                     if elected else
                     f"Kontrollera att {name} fortfarande är {title or 'behörig'} och att den nya "
                     f"nämndens beslut uppdrar åt hen att underteckna, och att {body} finns kvar med samma uppgifter")
            out.append(Review(where, what, said, todo=True))
    return out


def comments_dropped(path: Path, dropped: list) -> list[Review]:
    """The end-of-line comments of the old spec left out next to a value the renewal changed
    (drafter/spec/yaml_keep.py): each had said something about the old value, so it is told with that
    value, for the official to write back what is still true of the new one."""
    from drafter.spec.yaml_reader import read_yaml

    if not dropped:
        return []
    _, positions = read_yaml(path)
    return [Review(f"{path.as_posix()}:{_line(positions, d.path)}", "förnyelsen ändrade värdet, så kommentaren som "
                   "stod vid det gamla värdet är borttagen (skriv in den igen om den stämmer också nu); det stod",
                   f"{d.was} {d.comment}") for d in dropped]


def _party_review(path: Path, moves: list) -> list[Review]:
    from drafter.spec.yaml_reader import read_yaml

    _, positions = read_yaml(path)
    shown = path.as_posix()
    out = []
    shared = [move.ref for move in moves if isinstance(move, Shared)]
    for move in moves:
        if isinstance(move, Drafted):
            moved = move.draft != move.clause_id
            out.append(Review(f"{move.draft}@{move.new}", f"ny version (utkast) av {move.clause_id}@{move.old} "
                              + (f"i partnerskapets egen mapp ({move.draft.split('/', 1)[0]}/) " if moved else "")
                              + "som skriver {{ forvaltning }} där den skrev {{ public.name }}: texten läses som "
                              "förut; granska och fastställ den",
                              f"{move.clause_id}@{move.old} → " + (f"{move.draft}@{move.new}" if moved else f"@{move.new}"),
                              todo=True))
        elif isinstance(move, Shared):
            if move.ref == shared[0]:  # one line for them all: the same thing to read in each
                out.append(Review("klausulbiblioteket", (
                    "klausulen ur det gemensamma biblioteket skriver {{ public.name }}" if len(shared) == 1 else
                    f"{len(shared)} klausuler ur det gemensamma biblioteket skriver {{{{ public.name }}}}")
                    + ": i den nya överenskommelsen står där kommunen, som är parten, där det förut stod "
                    "förvaltningen; läs texterna, och välj en nyare version där det finns en", ", ".join(shared)))
        else:
            out.append(Review(f"{shown}:{_line(positions, ('parties', move.index, 'name'))}", move.what, move.text,
                              todo=not move.what.startswith("parten är nu")))  # else: the kommun was not found
    return out


def _to_fill_in(path: Path, data: dict) -> list[Review]:
    """The dates the renewal leaves as ÅÅÅÅ-MM-DD, and a signatory with no name: without them the
    documents cannot be signed."""
    from drafter.spec.yaml_reader import read_yaml

    _, positions = read_yaml(path)
    shown = path.as_posix()
    out = []
    for field_path, what in ((("document", "date"), "överenskommelsens datum"),
                             (("proposal", "date"), "tjänsteutlåtandets datum")):
        if (data.get(field_path[0]) or {}).get("date") == "ÅÅÅÅ-MM-DD":
            out.append(Review(f"{shown}:{_line(positions, field_path)}", f"fyll i {what}", "date: ÅÅÅÅ-MM-DD",
                              todo=True))
    out += _officials(data.get("proposal"), positions, shown)
    for n, party in enumerate(data.get("parties") or []):
        if not isinstance(party, dict):
            continue
        people = [("signatory",), *((("signatories", i)) for i in range(len(party.get("signatories") or [])))]
        for where in people:
            person = party.get(where[0]) if len(where) == 1 else party["signatories"][where[1]]
            if isinstance(person, dict) and not person.get("name"):
                out.append(Review(f"{shown}:{_line(positions, ('parties', n) + where)}",
                                  f"ange namnet på den som undertecknar för {party.get('name')}",
                                  f"title: {person.get('title', '')}".strip(), todo=True))
    return out


def _decision_said(decision) -> str:
    said = [f"beslut av {decision.by}" if decision.by else "nämndens beslut"]
    if decision.date:
        said.append(f"den {datum(decision.date)}")
    if decision.ceiling:
        said.append(f"tak {kronor(decision.ceiling.amount)} "
                    f"{'per år' if decision.ceiling.per == 'år' else 'för hela perioden'}")
    if decision.latest_end:
        said.append(f"senast till {datum(decision.latest_end)}")
    return ", ".join(said)


# --- what to review -----------------------------------------------------------------------------


def _review(path: Path, data: dict, documents, library, pins: dict[str, str]) -> list[Review]:
    """Texts and figures of the new spec, and the partnership's own clauses, that state a year, a date
    or an amount typed by hand (not computed from the spec's data)."""
    from drafter.spec.yaml_reader import read_yaml

    _, positions = read_yaml(path)
    shown = path.as_posix()
    found: list[Review] = []
    used = _used_versions(documents, library, pins)
    for key, value in (data.get("texts") or {}).items():
        where = f"{shown}:{_line(positions, ('texts', key))}"
        if key == "barnrattsperspektiv":  # a prövning made for the old decision is no prövning of the new one
            said = " ".join(str(value).split())
            found.append(Review(where, "texten barnrattsperspektiv är förvaltningens prövning av barnets bästa inför "
                                "beslutet om den förra överenskommelsen; pröva barnets bästa på nytt för den nya "
                                "perioden (vilka barn berörs nu, vad de själva har sagt) och skriv prövningen här",
                                said if len(said) <= 240 else said[:237] + "…", todo=True))
            continue
        found += _mentions(where, f"texten {key}", str(value))
    for key, value in (data.get("figures") or {}).items():
        where = f"{shown}:{_line(positions, ('figures', key))}"
        if isinstance(value, dt.date) or YEAR.search(str(value)) or YEAR.search(key):
            users = _figure_users(key, used)
            found.append(Review(where, f"uppgiften {key} gäller en viss tidpunkt; ange den för den nya perioden"
                                + (f" (den står i {', '.join(users)})" if users else ""), f"{key}: {value}",
                                todo=True))
    found += _declared(data, positions, shown)
    for field_path in (("document", "title"), ("document", "subject"), ("proposal", "title"),
                       ("proposal", "subtitle")):
        value = (data.get(field_path[0]) or {}).get(field_path[1])
        if value:
            found += _mentions(f"{shown}:{_line(positions, field_path)}", ".".join(field_path), str(value))
    seen: set[str] = set()
    for ref, version in used:
        if version.id in seen:
            continue
        seen.add(version.id)
        if not version.meta.partnership:
            continue  # a generic clause states no fact about this partnership
        found += _old_wording(ref, version, data)
        for n, line in enumerate(version.body.splitlines()):
            if SIGNING_LINE.search(line):
                continue  # told under Att göra (_old_wording)
            # Expressions are computed, so "…"; only what stands as typed can be stale.
            sentences = [s.strip() for s in _SENTENCE.findall(_EXPRESSION.sub("…", line))]
            hits = [s for s in sentences if _mentions("", "", s)]
            if hits:
                found += _mentions(f"{ref}:{version.body_line + n}", f"klausulen {version.id}", " ".join(hits))
    return found


def _old_wording(ref: str, version: "ClauseVersion", data: dict) -> list[Review]:
    """What a partnership's clause says of the old agreement that is false of the new one, to do before it
    is signed: the place and date it was signed, and "tills vidare" when the new period ends."""
    out = []
    for n, line in enumerate(version.body.splitlines()):
        where = f"{ref}:{version.body_line + n}"
        if SIGNING_LINE.search(line):
            out.append(Review(where, f"klausulen {version.id} anger ort och datum då den förra överenskommelsen "
                              "undertecknades; skriv en ny version där raden är {{ block(\"signaturer\") }} (ort, "
                              "datumrad och undertecknare ur specen) eller {{ document.place }} den "
                              "{{ document.date | datum }}", line.strip(), todo=True))
        entered = ENTER.search(line)
        if entered and not _RENEWED.search(line):
            out.append(Review(where, f"klausulen {version.id} föreslår att nämnden ingår partnerskapet som om det "
                              "vore nytt; skriv en ny version där nämnden föreslås godkänna en ny överenskommelse "
                              "som fortsätter partnerskapet, och beskriv hur den förra perioden gått",
                              " ".join(_EXPRESSION.sub("…", line).split()), todo=True))
        if UNTIL_FURTHER.search(line):
            renewal = (data.get("period") or {}).get("renewal")
            ends = (f"den nya perioden förlängs som längst till {datum(renewal['max_end'])}"
                    if isinstance(renewal, dict) and isinstance(renewal.get("max_end"), dt.date)
                    else "den nya perioden slutar och har ingen förlängning")
            out.append(Review(where, f"klausulen {version.id} säger att överenskommelsen löper tills vidare, men "
                              f"{ends}; skriv en ny version utan \"tills vidare\" (villkor/period och "
                              "villkor/uppsagning skriver perioden, förlängningen och uppsägningen ur specen)",
                              " ".join(_EXPRESSION.sub("…", line).split()), todo=True))
    return out


def _used_versions(documents, library, pins: dict[str, str]) -> list[tuple[str, "ClauseVersion"]]:
    """("id@version", the version) of every clause version the new spec uses (a pin, else the version the
    old documents used), in document order, each once: what the review reads."""
    used: dict[str, "ClauseVersion"] = {}
    for doc in documents:
        for section in doc.walk_sections():
            clause = section.clause
            if clause:
                ref = pins.get(clause.id, f"{clause.id}@{clause.version}")
                if ref not in used:
                    used[ref] = library.get(ref)
    return list(used.items())


def _figure_users(key: str, used: list[tuple[str, "ClauseVersion"]]) -> list[str]:
    """The clause versions the new spec uses (_used_versions) whose text says `figures.key` (in any
    expression): where a figure for a date shows, and what a new version must change if it is renamed."""
    said = re.compile(r"\{\{[^}]*\bfigures\." + re.escape(key) + r"(?!\w)")
    return [ref for ref, version in used if said.search(version.body)]


def _declared(data: dict, positions, shown: str) -> list[Review]:
    """The other amounts and periods the texts may state (other_amounts, other_periods): an amount was
    true of the old agreement (an own contribution, a first half-year's share) until someone says it is
    true of the new one; a period that ends before the new agreement starts is history."""
    found = []
    start = _as_date((data.get("period") or {}).get("start"))
    for name, value in (data.get("other_periods") or {}).items():
        end = _as_date(value.get("end")) if isinstance(value, dict) else None
        if start and end and end < start:
            found.append(Review(f"{shown}:{_line(positions, ('other_periods', name))}",
                                f"perioden {name} slutar {datum(end)}, före den nya periodens start "
                                f"{datum(start)}; ta bort den eller ange den som gäller nu",
                                f"{name}: {value.get('start')}–{value.get('end')}", todo=True))
    for name, value in (data.get("other_amounts") or {}).items():
        amount = value.get("amount") if isinstance(value, dict) else value
        kind = f" ({value['kind']})" if isinstance(value, dict) and value.get("kind") else ""
        per = value.get("per") if isinstance(value, dict) else None
        said = kronor(int(amount)) if isinstance(amount, int) else str(amount)
        found.append(Review(f"{shown}:{_line(positions, ('other_amounts', name))}",
                            f"beloppet {name}{kind} gällde den förra överenskommelsen; {_amount_advice(name, value)}",
                            f"{name}: {said}" + (f" per {per}" if per else ""), todo=True))
    return found


def _amount_advice(name: str, value) -> str:
    """What to write for an other amount in the new period: the spec gives it no period of its own, so an
    amount per year (per:) holds for every year of the new period, and one without per: for the whole of it."""
    per = value.get("per") if isinstance(value, dict) else None
    kind = value.get("kind") if isinstance(value, dict) else None
    drop = (f"gäller det inte längre, ta bort other_amounts.{name} och meningarna som nämner det "
            f"({{{{ other_amounts.{name} | kronor }}}})")
    if kind == "delperiod":
        return (f"en delperiods belopp hör till den förra periodens början; {drop}, eller skriv under amount: det "
                "belopp som gäller en delperiod av den nya")
    if per:
        return (f"med per: {per} gäller det för varje {per} av den nya perioden: stämmer beloppet, låt det stå; är det "
                f"ett annat, skriv det nya under amount:; {drop}")
    return ("utan per: är det ett belopp för hela perioden: skriv under amount: beloppet för hela den nya perioden "
            f"(eller per: år och årsbeloppet); {drop}")


def _officials(proposal, positions, shown: str) -> list[Review]:
    """The tjänstepersoner who signed the old tjänsteutlåtande (and its handläggare) come along as they
    were: the new one is signed by whoever holds the posts now, as the signatories are checked."""
    if not isinstance(proposal, dict) or not isinstance(proposal.get("officials"), list):
        return []
    people = [f"{p.get('name')} ({p.get('title')})" if p.get("name") else str(p.get("title"))
              for p in proposal["officials"] if isinstance(p, dict)]
    handler = proposal.get("handlaggare")
    named = handler.get("name") if isinstance(handler, dict) else None
    return [Review(f"{shown}:{_line(positions, ('proposal', 'officials'))}",
                   "tjänstepersonerna som undertecknade det förra tjänsteutlåtandet följer med (proposal.officials"
                   + (", och handläggaren, proposal.handlaggare" if named else "") + "); kontrollera att det är de "
                   "som undertecknar det nya och att titlarna stämmer, och skriv annars in dem som gör det",
                   "; ".join(people) + (f"; handläggare {named}" if named else ""), todo=True)]


def _as_date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _mentions(where: str, what: str, text: str) -> list[Review]:
    kinds = [label for label, pattern in (("ett årtal", YEAR), ("ett datum", MONTH_DATE), ("ett belopp", AMOUNT))
             if pattern.search(text)]
    if not kinds:
        return []
    sentence = " ".join(text.split())
    return [Review(where, f"{what} nämner {' och '.join(kinds)} som inte räknas fram ur specen",
                   sentence if len(sentence) <= 240 else sentence[:237] + "…")]


def _line(positions, path: tuple) -> int | str:
    found = positions.get(path)
    return found[0] if found else "?"
