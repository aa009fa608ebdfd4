"""party-mismatch: each party's name, organisationsnummer and signatory are written as in the spec;
party-signs-for: each signatory signs for its own party (another nämnd: an error when slutlig);
party-legal-person: the party can sign at all."""

from __future__ import annotations

import re

from drafter.checks.context import CheckContext
from drafter.checks.finding import Finding
from drafter.formatting import genitiv, versal
from drafter.checks.swedish import SPACE
from drafter.lazy_pattern import lazy
from drafter.model.nodes import SignatureBlock
from drafter.spec.model import Party, Signatory

ORGNR = re.compile(r"(?<![\d-])(\d{6})[-–‐](\d{4})(?![\d-])")
# "Street Minds (organisationsnummer 802524-2879)", "Street Minds, org.nr 802524-2879"
_LABEL = re.compile(rf"{SPACE}*(?:\(|,){SPACE}*(?:organisationsnummer|org\.?{SPACE}*nr\.?|orgnr){SPACE}*:?{SPACE}*$",
                    re.IGNORECASE)
_NAME_STOP = lazy(r"[.;:()\n]|(?:^|\s)(?:och|samt|mellan|med|till|av)\s", re.IGNORECASE)


def _text_before(text: str, at: int) -> str | None:
    """The text before the "(organisationsnummer" label that ends at `at`, or None if no label is there."""
    label = _LABEL.search(text, 0, at)
    return text[:label.start()].rstrip(" ,\u00a0") if label else None


def _name_in(before: str) -> str | None:
    """The last name-like stretch of `before`, for a message: after the last word that cannot be in one."""
    stops = list(_NAME_STOP.finditer(before))
    name = before[stops[-1].end():] if stops else before
    return name.strip(" ,\u00a0") or None


def _ends_with_name(before: str, name: str) -> bool:
    """Names are matched as whole names, so "Riksförbundet Hem och Skola" or "S:t Lukas" are not split."""
    return before.casefold().endswith(name.casefold())


def names_of(party: Party) -> list[str]:
    """What a text may call a party before its number: its name, and for a kommun or region acting
    through a nämnd, the förvaltning (administration) or the nämnd, which carry the kommun's number."""
    names = [party.name]
    if party.sector == "offentlig":
        names += [n for n in (party.administration, party.committee) if n]
    return names


_VIA = lazy(rf",?{SPACE}*(?:genom|via|företrädd av|företrätt av){SPACE}+(?P<via>[^,;:()\n]{{2,80}}?)$")


def _acting_through(before: str, owner: Party) -> str | None:
    """The nämnd in "Linköpings kommun, genom äldrenämnden" when the text names the party and a nämnd
    that is not the spec's: the message names the nämnd, the one part that differs."""
    m = _VIA.search(before)
    if not m or not _ends_with_name(before[:m.start()].rstrip(" ,\u00a0"), owner.name):
        return None
    return m.group("via").strip()


def check_party_mismatch(ctx: CheckContext):
    parties = ctx.spec.parties
    by_number: dict[str, list[tuple[int, Party]]] = {}
    for i, p in enumerate(parties):  # two parties may share a number: orgnr-duplicate says so
        by_number.setdefault(p.organisationsnummer, []).append((i, p))
    for piece in ctx.pieces:
        for m in ORGNR.finditer(piece.text):
            number = f"{m.group(1)}-{m.group(2)}"
            place = piece.clause or piece.fallback
            if number not in by_number:
                yield Finding("party-mismatch", "error",
                              f"Organisationsnumret {number} i texten hör inte till någon av parterna i specen "
                              f"({', '.join(f'{p.name} {p.organisationsnummer}' for p in parties)}).",
                              place, piece.document)
                continue
            owners = by_number[number]
            i, owner = owners[0]
            before = _text_before(piece.text, m.start())
            if before is None or any(_ends_with_name(before, n) for _, p in owners for n in names_of(p)):
                continue
            name = _name_in(before)
            if name is None:
                continue
            other = next((p for p in parties if all(p is not o for _, o in owners)
                          and any(_ends_with_name(before, n) for n in names_of(p))), None)
            if other:
                message = (f"{other.name} står med organisationsnummer {number}, som är {genitiv(owner.name)} nummer; "
                           f"{other.name} har {other.organisationsnummer} "
                           f"({ctx.where('parties', parties.index(other), 'organisationsnummer')}).")
            elif via := _acting_through(before, owner):
                message = (f"Framför organisationsnummer {number} står att {owner.name} handlar genom {via}, men "
                           + (f"specen anger nämnden {owner.committee} ({ctx.where('parties', i, 'committee')})."
                              if owner.committee else
                              f"specen anger ingen nämnd för {owner.name} ({ctx.where('parties', i)})."))
                message += (" Skriv nämnden med {{ public.committee }}, så följer texten specen, eller rätta "
                            "committee: i specen.")
            else:
                message = (f"Framför organisationsnummer {number} står '{name}', men numret hör till "
                           f"{owner.name} ({ctx.where('parties', i, 'name')}).")
            yield Finding("party-mismatch", "error", message, place, piece.document)
    yield from _signatories(ctx)
    yield from _written_signatures(ctx)


_FOR_LINE = re.compile(r"^För (\S.{1,120})$")
_MARK_LINE = re.compile(r"^(?:[-_.…\s]*|(?:underskrift|namnteckning|namnförtydligande|datum|ort och datum)\s*:?[-_.…\s]*)$",
                        re.IGNORECASE)


def _written_signatures(ctx: CheckContext):
    """A signature block typed into a clause ("För X", a line, "Namn, titel"), not `{{ block("signaturer") }}`:
    a name in it that is none of the spec's signatories is the text left behind when the spec changed."""
    from drafter.swedish.signing import name_and_title

    people = {s.name.casefold(): (i, s) for i, p in enumerate(ctx.spec.parties) for s in p.every_signatory if s.name}
    for piece in ctx.pieces:
        if not piece.clause and not piece.section:  # the title and the preamble hold no signatures
            continue
        lines = [line.strip() for line in piece.text.split("\n")]
        for i, line in enumerate(lines):
            m = _FOR_LINE.match(line)
            if not m or line.endswith("."):
                continue
            after = [t for t in lines[i + 1:i + 6] if t and not _MARK_LINE.match(t)][:1]
            name, title = name_and_title(after[0]) if after else (None, None)
            if not name:
                continue
            known = people.get(name.casefold())
            if known is None:
                shown = "; ".join(f"{s.name}, {s.title}" for _, s in people.values()) or "inga namn"
                hint = ("Underskrifterna är skrivna som text, så specens undertecknare når dem inte: ersätt dem med "
                        + ("{{ block(\"signaturer\") }} i klausulen" if piece.clause else "{block: signaturer} i "
                           "dispositionen") + ", eller rätta namnet.")
                yield Finding("party-mismatch", "error",
                              f"Texten låter {name} skriva under för {m.group(1)}, men {name} är inte undertecknare "
                              f"för någon part i specen ({ctx.where('parties')}: {shown}). {hint}",
                              piece.clause or piece.fallback, piece.document, hint=hint)


def _signatories(ctx: CheckContext):
    """A signature block signs for the spec's parties, with the spec's signatories."""
    parties = ctx.spec.parties
    for doc in ctx.documents:
        blocks = [b for s in doc.walk_sections() for b in s.blocks if isinstance(b, SignatureBlock)]
        blocks += [b for b in doc.preamble if isinstance(b, SignatureBlock)]
        for block in blocks:
            for signed in block.signatories:
                if not signed.name:
                    continue
                match = [(i, p, s) for i, p in enumerate(parties) for s in p.every_signatory
                         if s.name == signed.name]
                if not match:
                    yield Finding("party-mismatch", "error",
                                  f"{signed.name} skriver under ({signed.signs_for}) men är inte undertecknare "
                                  "för någon part i specen.",
                                  ctx.where("parties"), doc.kind)
                    continue
                i, party, signatory = match[0]
                if signed.title and signatory.title != signed.title:
                    yield Finding("party-mismatch", "error",
                                  f"{signed.name} skriver under som {signed.title}, men specen anger "
                                  f"{signatory.title}.",
                                  ctx.where("parties", i, "signatory", "title"), doc.kind)


def check_legal_person(ctx: CheckContext):
    """party-legal-person: a förvaltning signs for nobody; the party is the kommun or region through its nämnd."""
    for i, party in enumerate(ctx.spec.parties):
        if party.sector == "offentlig" and party.kind in ("förvaltning", "stadsdelsförvaltning"):
            owner = party.municipality or "kommunen eller regionen"
            yield Finding("party-legal-person", "warning",
                          f"{party.name} står som part, men en {party.kind} är varken juridisk person eller organ "
                          f"och kan inte ingå avtal. Parten är {owner}, som handlar genom nämnden: skriv name: "
                          f"{party.municipality or '[kommunen]'}, kind: kommun, committee: "
                          f"{party.committee or '[nämnden]'} och administration: {party.name}.",
                          ctx.where("parties", i, "kind"))


def _names(signs_for: str, name: str | None) -> bool:
    """`signs_for` names `name` as a whole name ("föreningen Street Minds" names Street Minds), also in the
    genitive ("Stockholms stads socialnämnd" names Stockholms stad)."""
    if not name:
        return False
    return re.search(_whole(name.casefold()), signs_for.casefold()) is not None


def _whole(name: str) -> str:
    """A regex for `name` as a whole name, or its genitive (+s, none after s, x or z: "Region Exempellands")."""
    genitive = "" if name[-1:] in "sxz" else "s?"
    return rf"(?<!\w){re.escape(name)}{genitive}(?!\w)"


# A word naming an organ (or a förvaltning, which is none): "Spånga-Tensta stadsdelsnämnd", "kommunstyrelsen".
_ORGAN_WORD = re.compile(r"\w*(?:nämnd|styrelse|fullmäktige|utskott|förvaltning)\w*", re.IGNORECASE)
# What joins an organ to its kommun: "socialnämnden i Stockholms stad", "Stockholms stad genom socialnämnden".
_JOINER = re.compile(r"^(?:(?:i|för|genom|inom|och|,)\s+)+|(?:\s+(?:i|för|genom|inom|och)|\s*,)+$", re.IGNORECASE)
NEAR = 0.85  # difflib similarity from which a name is taken for a misspelling ("stadsdelsnämd")


def _organ_key(name: str) -> str:
    """"Socialnämnden" and "socialnämnd", "Kommunstyrelsen" and "kommunstyrelse" name the same organ."""
    return re.sub(r"(nämnd|styrelse|utskott|förvaltning)(?:e?n|et)$", r"\1", " ".join(name.casefold().split()))


def _organ(signs_for: str, party: Party) -> str | None:
    """The organ `signs_for` names beside the party's kommun or region ("Spånga-Tensta stadsdelsnämnd" in
    "Spånga-Tensta stadsdelsnämnd i Stockholms stad", or a misspelt own nämnd); None when it names none."""
    rest = signs_for
    for name in (party.name, party.municipality):
        if name:
            rest = re.sub(_whole(name), " ", rest, flags=re.IGNORECASE)
    rest = _JOINER.sub("", " ".join(rest.split())).strip()
    return rest if _ORGAN_WORD.search(rest) or _near_miss(rest, _own_organs(party)) else None


def _own_organs(party: Party) -> list[str]:
    """The organs that act for a public party: its nämnd (and, in the old form, the nämnd that is the party)."""
    if party.sector != "offentlig":
        return []
    return [n for n in (party.committee, party.name if party.kind == "nämnd" else None) if n]


def _similarity(a: str, b: str) -> float:
    from difflib import SequenceMatcher  # only for a signer's organ that is not the party's own (0.8 ms to import)

    return SequenceMatcher(None, _organ_key(a), _organ_key(b)).ratio()


def _close(run: str, name: str) -> bool:
    """`run` misspells `name`: close as a whole, and, for a name of several words, close before its last
    word too, so that another nämnd with the same ending ("Östermalms stadsdelsnämnd" for "Norrmalms
    stadsdelsnämnd", 0.86 alike as a whole) is another nämnd, not a misspelling."""
    if _similarity(run, name) < NEAR:
        return False
    head, name_head = run.split()[:-1], name.split()[:-1]
    return not (head and name_head) or _similarity(" ".join(head), " ".join(name_head)) >= NEAR


def _near_miss(written: str, names: list[str]) -> str | None:
    """The name in `names` that `written`, or a run of its words, misspells ("Rinkeby-Kista stadsdelsnämd",
    "föreningen Street Mindz"); None when none is that close."""
    words = written.split()
    for name in names:
        if _names(written, name):
            continue  # written right, beside something else ("… i Stockholm"): no misspelling of it
        size = len(name.split())
        runs = [" ".join(words[i:i + n]) for n in (size, size - 1, size + 1) if n > 0
                for i in range(len(words) - n + 1)]
        if any(_close(run, name) for run in runs):
            return name
    return None


def _names_organ(written: str, organ: str) -> bool:
    """`written` names `organ` in either form, word by word ("socialnämnden i Stockholms kommun" names socialnämnd)."""
    return _names(" ".join(_organ_key(w) for w in written.split()), _organ_key(organ))


def _signs_for_problem(signs_for: str, party: Party, committee_at: str) -> tuple[str, str, bool] | None:
    """(what is wrong, what to do, whether it is clearly another organ) when `signs_for` does not bind
    `party`; None when it does. Clearly another organ: it names a nämnd (or styrelse, förvaltning …)
    that is not the party's and does not misspell it ("Spånga-Tensta stadsdelsnämnd" for Rinkeby-Kista)."""
    own = _own_organs(party)
    organ = _organ(signs_for, party)
    own_organ = organ is not None and any(_organ_key(organ) == _organ_key(o) for o in own)
    near = _near_miss(organ, own) if organ and own and not own_organ else None
    kommun = party.name if party.kind in ("kommun", "region") else party.municipality
    other_organ = (organ is not None and bool(own) and not own_organ and not near
                   and not any(_names_organ(organ, o) for o in own))
    if near:
        return (f"parten handlar genom {near} ({committee_at}).",
                f"Menade du {near}? Underskriftsblocket skriver signs_for som det står: rätta stavningen.", False)
    if not (_names(signs_for, party.name) or _names(signs_for, party.municipality)):
        if own_organ and organ is not None and _organ_key(organ) == _organ_key(signs_for):
            return None  # the nämnd alone: "Norrmalms stadsdelsnämnd"
        whose = f"parten heter {party.name}"
        if party.sector == "offentlig" and party.municipality:
            whose += f" och hör till {party.municipality}"
        meant = _near_miss(signs_for, [n for n in (party.name, party.municipality) if n])
        return (f"{whose}.", (f"Menade du {meant}? " if meant else "") + "Den som skriver under binder den part hen "
                "står under: rätta signs_for eller för undertecknaren till rätt part.", other_organ and not meant)
    if organ is None or not own or own_organ:
        return None
    return (f"parten {party.name} handlar genom {own[0]} ({committee_at}); {organ} är inte den nämnd som beslutar om "
            f"partnerskapet och binder inte {kommun or party.name} i det.",
            f"Skriv den nämnd som beslutar i signs_for, t.ex. \"{own[0]}" + (f" i {kommun}" if kommun else "")
            + f"\", eller rätta committee om det är {organ} som beslutar.", other_organ)


def check_signs_for(ctx: CheckContext):
    """party-signs-for: a signatory binds the party it stands under. A nämnd binds its kommun or region,
    so "socialnämnden i Stockholms stad" signs for a public party of Stockholms stad acting through
    socialnämnden; another nämnd of the same kommun ("Spånga-Tensta stadsdelsnämnd i Stockholms stad" for
    a party acting through Rinkeby-Kista stadsdelsnämnd) or a misspelt one does not. Another organ is an
    error in a slutlig document (it would be signed so); a misspelling stays a warning ("Menade du …?")."""
    for i, party in enumerate(ctx.spec.parties):
        # the first signatories, and each new representative's (a new ordförande signs for the same party)
        signers: list[tuple[tuple[str | int, ...], int, Signatory]] = [
            (("parties", i), j, s) for j, s in enumerate(party.signatories)]
        signers += [(("parties", i, "representatives", k), j, s) for k, r in enumerate(party.representatives)
                    for j, s in enumerate(r.signatories)]
        for head, j, signatory in signers:
            if not signatory.signs_for:
                continue
            problem = _signs_for_problem(signatory.signs_for, party, ctx.where("parties", i, "committee"))
            if problem is None:
                continue
            path: tuple[str | int, ...] = (*head, "signatories", j, "signs_for")
            if path not in ctx.loaded.positions:
                path = (*head, "signatory", "signs_for")
            what, advice, other_organ = problem
            final = other_organ and ctx.spec.document.status == "slutlig"
            yield Finding("party-signs-for", "error" if final else "warning",
                          f"{signatory.name or versal(signatory.title)} skriver under för {signatory.signs_for}, "
                          f"men {what} {advice}"
                          + (" Dokumentet är slutligt (document.status: slutlig): en underskrift för fel nämnd binder "
                             "inte parten, så det byggs inte." if final else ""),
                          ctx.where(*path), hint=advice)


CHECKS = [check_party_mismatch, check_signs_for, check_legal_person]
