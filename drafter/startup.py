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
    """The process runs one `drafter` command: collect rarely until its modules are loaded, and let
    pydantic build drafter's models without searching every installed package for plugins."""
    no_pydantic_plugin_search()
    if not _saved:
        _saved.append(gc.get_threshold())
        gc.set_threshold(*_LOADING_THRESHOLD)


def modules_loaded() -> None:
    """The command's modules are loaded: leave what is alive now out of later collections, and
    collect the run's own garbage as usual. Once per process; nothing unless begin() was called."""
    if _saved:
        gc.freeze()
        gc.set_threshold(*_saved.pop())


def no_pydantic_plugin_search() -> None:
    """pydantic looks for plugins when it builds its first model: it imports importlib.metadata and
    reads the entry points of every installed package, some 15 ms of CPU in each `drafter check` (about
    4 %). drafter's models use no plugin, so pydantic is answered as it answers itself when
    PYDANTIC_DISABLE_PLUGINS is set: no plugins. Left to pydantic when that variable is set (whoever
    set it chose plugins) or its loader is already imported (a program that imported pydantic first).
    Only for drafter's own command line (begin): a program that imports drafter keeps its plugins."""
    import os
    import sys
    import types

    name = "pydantic.plugin._loader"
    if name in sys.modules or "PYDANTIC_DISABLE_PLUGINS" in os.environ:
        return
    loader = types.ModuleType(name, "pydantic's plugin loader as drafter runs it: no plugins, no search.")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[name] = loader



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
    _build_models()
    try:
        _get_compiler()
    except Exception:  # noqa: BLE001 (the first preview says what is wrong, in the page)
        pass


def _build_models() -> None:
    """The validators of the models a check uses: pydantic builds each at its first validation
    (defer_build), some 15 ms for the spec's, which the first request would otherwise pay."""
    from drafter.clauses.front_matter import ClauseMeta
    from drafter.house_style import HouseStyleFile
    from drafter.spec.model import Spec

    for model in (Spec, ClauseMeta, HouseStyleFile):
        model.model_rebuild()  # builds it once; nothing when it is built
