"""drafter: IOP agreements and their companion documents from a YAML spec and a clause library."""

__version__ = "0.1.0"


def _no_pydantic_plugin_search() -> None:
    """pydantic looks for plugins when it builds its first model: it imports importlib.metadata and
    reads the entry points of every installed package, some 15 ms of CPU in each `drafter check` (about
    4 %). drafter's models use no plugin, so pydantic is answered as it answers itself when
    PYDANTIC_DISABLE_PLUGINS is set: no plugins. Left to pydantic when that variable is set (whoever
    set it chose plugins) or its loader is already imported (a program that imported pydantic first)."""
    import os
    import sys
    import types

    name = "pydantic.plugin._loader"
    if name in sys.modules or "PYDANTIC_DISABLE_PLUGINS" in os.environ:
        return
    loader = types.ModuleType(name, "pydantic's plugin loader as drafter runs it: no plugins, no search.")
    loader.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules[name] = loader


_no_pydantic_plugin_search()
