"""What a `drafter` process pays once, at its start: the cyclic collector's share of loading modules.

The modules `drafter check` and `drafter build` load make some hundred thousand objects (classes,
functions, compiled regexes, pydantic's validators) that live as long as the process. With the
collector's usual thresholds it walks them about a hundred times while they load and again in every
older-generation collection after: about a tenth of `drafter check`'s CPU, for nothing, since none of
them is garbage. So the command line, when it is the process's own (`begin`, called by drafter.cli),
keeps collections rare while modules load, and the first spec prepared (`modules_loaded`, called by
drafter.pipeline.prepare once its modules are in) moves everything alive then out of the collector's
sight (gc.freeze: it is never collected, the operating system frees it at exit) and brings the usual
thresholds back, so the garbage the run itself makes is collected as always.

Anywhere else (tests, the web server, a batch worker) `begin` was not called and `modules_loaded` does nothing.
"""

from __future__ import annotations

import gc

_LOADING_THRESHOLD = (100_000, 50, 50)  # allocations between young collections while modules load
_saved: list[tuple[int, ...]] = []  # the thresholds before begin(), while modules load


def begin() -> None:
    """The process runs one `drafter` command: collect rarely until its modules are loaded."""
    if not _saved:
        _saved.append(gc.get_threshold())
        gc.set_threshold(*_LOADING_THRESHOLD)


def modules_loaded() -> None:
    """The command's modules are loaded: leave what is alive now out of later collections, and
    collect the run's own garbage as usual. Once per process; nothing unless begin() was called."""
    if _saved:
        gc.freeze()
        gc.set_threshold(*_saved.pop())


# What `prepare` imports where it is first called, and the Typst writer the web page's preview uses.
_WARM_MODULES = ("drafter.pipeline", "drafter.assemble", "drafter.checks", "drafter.checks.inputs",
                 "drafter.checks.acknowledge", "drafter.checks.summary", "drafter.language.review", "drafter.lockfile",
                 "drafter.spec.load", "drafter.assemble.proposal", "drafter.writers.pdf.typst_writer")


def warm_up() -> None:
    """For a process that checks and previews many times (the web page, `drafter serve`): what its first
    check and first preview would pay (the modules, the fonts' character maps, the word list, hunspell's
    list of dictionaries, the Typst compiler with its fonts) paid before the first request rather than
    by it. A part that cannot be set up (no hunspell) is left to the request, which reports it."""
    import importlib

    for name in _WARM_MODULES:
        importlib.import_module(name)
    from drafter.glyphs import showable
    from drafter.language.rules import standard_word_list
    from drafter.language.spelling import available
    from drafter.writers.pdf.typst_writer import _get_compiler

    showable()
    standard_word_list()
    available()
    try:
        _get_compiler()
    except Exception:  # noqa: BLE001 (the first preview says what is wrong, in the page)
        pass
