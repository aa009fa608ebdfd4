"""click's own words in Swedish: "Användning:", "Flaggor:", "Visa den här hjälpen och avsluta." …

click looks its strings up through `gettext` at the moment it prints them (each of its modules did
`from gettext import gettext as _`). Rather than ship a compiled .mo catalogue for the `messages`
domain (which would also translate other programs' strings in the same process), drafter points those
module names at one small dictionary. A string not in it prints as click wrote it; the test of every
`--help` fails if an English label shows.
"""

from __future__ import annotations

import importlib

import click

SINGULAR = {
    "Usage:": "Användning:",
    "Options": "Flaggor",
    "Commands": "Kommandon",
    "Positional arguments": "Argument",
    "Show this message and exit.": "Visa den här hjälpen och avsluta.",
    "Show the version and exit.": "Visa versionen och avsluta.",
    "%(prog)s, version %(version)s": "%(prog)s, version %(version)s",
    "default: {default}": "standard: {default}",
    "required": "krävs",
    "env var: {var}": "miljövariabel: {var}",
    "Error: {message}": "Fel: {message}",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' för hjälp.",
    "No such command {name!r}.": "Kommandot {name!r} finns inte.",
    "No such option {name!r}.": "Flaggan {name!r} finns inte.",
    "No such option: {name}": "Flaggan {name} finns inte.",
    "Missing argument": "Argument saknas",
    "Missing option": "Flagga saknas",
    "Missing parameter": "Värde saknas",
    "Missing command.": "Kommando saknas.",
    "Missing {param_type}": "{param_type} saknas",
    "Missing parameter: {param_name}": "Värde saknas: {param_name}",
    "Invalid value: {message}": "Ogiltigt värde: {message}",
    "Invalid value for {param_hint}: {message}": "Ogiltigt värde för {param_hint}: {message}",
    "Option {name!r} does not take a value.": "Flaggan {name!r} tar inget värde.",
    "Aborted!": "Avbrutet.",
    "argument": "argument",
    "option": "flagga",
    "parameter": "värde",
    "{name} {filename!r} does not exist.": "{filename!r} finns inte.",
    "{name} {filename!r} is a directory.": "{filename!r} är en mapp.",
    "{name} {filename!r} is a file.": "{filename!r} är en fil.",
    "{name} {filename!r} is not readable.": "{filename!r} går inte att läsa.",
    "{name} {filename!r} is not writable.": "{filename!r} går inte att skriva.",
    "{name} {filename!r} is not executable.": "{filename!r} går inte att köra.",
    "file": "fil",
    "directory": "mapp",
    "path": "sökväg",
    "{value!r} is not a valid {number_type}.": "{value!r} är inte ett giltigt {number_type}.",
    "integer": "heltal",
    "float": "decimaltal",
    "{value} is not in the range {range}.": "{value} ligger inte i intervallet {range}.",
    "Could not open file {filename!r}: {message}": "Kunde inte öppna filen {filename!r}: {message}",
    "Choose from:\n\t{choices}": "Välj bland:\n\t{choices}",
    "deprecated": "utgått",
    "(dynamic)": "(beräknas)",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} är inget giltigt sant/falskt-värde. Tillåtna: {states}",
}
PLURAL = {
    "Got unexpected extra argument ({args})": ("Oväntat extra argument ({args})", "Oväntade extra argument ({args})"),
    "Option {name!r} requires an argument.": ("Flaggan {name!r} behöver ett värde.",
                                              "Flaggan {name!r} behöver {nargs} värden."),
    "{value!r} is not {choice}.": ("{value!r} är inte {choice}.", "{value!r} är inte något av {choices}."),
    "Did you mean {possibility}?": ("Menade du {possibility}?", "(Menade du något av: {possibilities}?)"),
    "Takes {nargs} values but 1 was given.": ("Tar {nargs} värden men 1 gavs.", "Tar {nargs} värden men {len} gavs."),
    "{value!r} does not match the format {format}.": ("{value!r} följer inte formatet {format}.",
                                                      "{value!r} följer inget av formaten {formats}."),
}
_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils")
# The names click shows as metavars (upper case) for its value types.
_TYPE_NAMES = {"IntParamType": "heltal", "IntRange": "heltal", "FloatParamType": "decimaltal",
               "FloatRange": "decimaltal", "StringParamType": "text", "BoolParamType": "ja/nej",
               "DateTime": "datum", "File": "fil"}
OPTIONS_METAVAR = "[FLAGGOR]"
SUBCOMMAND_METAVAR = "KOMMANDO [ARGUMENT]..."


class Choice(click.Choice):
    """A choice shown with its Swedish values that also takes the English ones drafter had before:
    `Choice({"overenskommelse": "agreement", "tjansteutlatande": "proposal"})` gives the value on the
    right to the command, whichever of the two the user typed."""

    def __init__(self, values: dict[str, str]):
        super().__init__(list(values))
        self.values = values
        self.aliases = {english: english for english in values.values()}

    def convert(self, value, param, ctx):
        if value in self.aliases:
            return value
        return self.values[super().convert(value, param, ctx)]


def gettext(message: str) -> str:
    return SINGULAR.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    forms = PLURAL.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def install() -> None:
    """Point click's lookups at the Swedish words (idempotent)."""
    for cls_name, swedish in _TYPE_NAMES.items():
        getattr(click.types, cls_name).name = swedish
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        # the names each click module imported from gettext; rebinding them is the point here
        for attr, swedish_lookup in (("_", gettext), ("ngettext", ngettext)):
            if hasattr(module, attr):
                setattr(module, attr, swedish_lookup)
