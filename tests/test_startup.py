"""A `drafter` process pays for loading its modules once: the collector leaves them alone (drafter/startup.py)."""

import gc
import subprocess
import sys

from click.testing import CliRunner

from drafter import startup
from drafter.cli import main
from helpers import CLAUSES, EXAMPLE, ROOT


def test_collections_are_rare_while_loading_and_usual_after():
    before = gc.get_threshold()
    try:
        startup.begin()
        assert gc.get_threshold()[0] >= 100_000
        startup.modules_loaded()
        assert gc.get_threshold() == before
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_modules_loaded_does_nothing_outside_a_command_line_process():
    before = gc.get_threshold(), gc.get_freeze_count()
    startup.modules_loaded()
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_a_test_runner_invocation_leaves_the_collector_alone():
    before = gc.get_threshold(), gc.get_freeze_count()
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), "--clauses", str(CLAUSES)])
    assert result.exit_code == 0, result.output
    assert (gc.get_threshold(), gc.get_freeze_count()) == before


def test_the_command_line_collects_the_runs_garbage_as_usual():
    """`drafter check` as its own process: once the spec is prepared the usual thresholds are back (a
    long run of `drafter build` collects its garbage as always)."""
    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print(gc.get_threshold()))\n"
            "sys.argv = ['drafter', 'check', sys.argv[1]]\n"
            "from drafter.cli import main\n"
            "main()\n")
    default = gc.get_threshold()
    done = subprocess.run([sys.executable, "-c", code, str(EXAMPLE)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == str(default)


def test_a_command_that_prepares_no_spec_runs_with_the_usual_collections():
    """`drafter clauses list` never prepares a spec, so nothing would bring the loading thresholds back:
    it runs with the collector as Python sets it."""
    code = ("import gc, sys\n"
            "sys.argv = ['drafter', 'clauses', 'list', '--clauses', sys.argv[1]]\n"
            "from drafter.cli import main\n"
            "try:\n"
            "    main()\n"
            "except SystemExit:\n"
            "    pass\n"
            "print(gc.get_threshold())\n")
    done = subprocess.run([sys.executable, "-c", code, str(CLAUSES)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == str(gc.get_threshold())


def test_a_batch_hands_out_specs_with_the_usual_collections(tmp_path):
    """The parent of a batch (--jobs 2) imports little and runs long: it does not keep the loading
    thresholds while its workers build."""
    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print(gc.get_threshold()))\n"
            "sys.argv = ['drafter', 'build', *sys.argv[1:]]\n"
            "from drafter.cli import main\n"
            "main()\n")
    specs = [str(ROOT / "agreements" / name) for name in ("street-minds-2023.yaml", "street-minds-2026.yaml")]
    done = subprocess.run([sys.executable, "-c", code, *specs, "-o", str(tmp_path), "--jobs", "2", "--format", "docx"],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == str(gc.get_threshold())
    assert len(list(tmp_path.glob("*/*.docx"))) >= 3


def _modules_after(code: str, env: dict | None = None) -> list[str]:
    import os

    done = subprocess.run([sys.executable, "-c", code + "\nimport sys; print(' '.join(sys.modules))"], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, **(env or {})})
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_the_command_line_does_not_send_pydantic_looking_for_plugins():
    """`drafter check` builds and uses drafter's models and reads no package metadata
    (importlib.metadata: ~15 ms)."""
    code = ("import sys\n"
            "from drafter.cli import main\n"
            "sys.argv = ['drafter', 'check', 'agreements/street-minds-2026.yaml']\n"
            "try:\n"
            "    main()\n"
            "except SystemExit as exit:\n"
            "    assert exit.code in (0, 1), exit.code\n")
    loaded = _modules_after(code)
    assert "drafter.spec.model" in loaded and "importlib.metadata" not in loaded


def test_a_program_that_imports_drafter_keeps_pydantic_s_plugin_search():
    """Only drafter's own command line answers for pydantic: a program or a test suite that imports
    drafter as a library keeps its pydantic plugins (logging, instrumentation)."""
    code = ("from pathlib import Path\n"
            "from drafter.spec.load import load_spec\n"
            "spec = load_spec(Path('agreements/street-minds-2026.yaml'))\n"
            "assert spec.spec.parties[1].name == 'Street Minds', spec.spec.parties\n"
            "import pydantic.plugin._loader as loader\n"
            "assert hasattr(loader, 'PYDANTIC_ENTRY_POINT_GROUP')\n")
    assert "importlib.metadata" in _modules_after(code)


def test_a_user_who_configures_pydantic_plugins_keeps_them():
    # the models are built when they first validate (defer_build): build one, as a validation would
    code = "from drafter.spec.model import Spec\nSpec.model_rebuild(force=True)"
    assert "importlib.metadata" in _modules_after(code, {"PYDANTIC_DISABLE_PLUGINS": "some_plugin"})


def test_the_standard_word_list_reads_the_same_with_libyaml_as_with_pyyaml():
    import yaml

    from drafter.language.rules import DATA, entry, standard_word_list

    pure = [entry(item) for item in yaml.safe_load((DATA / "ordlista.yaml").read_text(encoding="utf-8"))]
    assert [(e.pattern.pattern, e.write, e.why, e.source, e.error) for e in standard_word_list()] == \
        [(e.pattern.pattern, e.write, e.why, e.source, e.error) for e in pure]
    assert len(pure) > 10


def test_the_web_server_sets_up_what_the_first_check_and_preview_need_before_it_listens(monkeypatch):
    import uvicorn

    from drafter.glyphs import showable
    from drafter.language.rules import standard_word_list

    showable.cache_clear()
    standard_word_list.cache_clear()
    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(
        glyphs=showable.cache_info().currsize, words=standard_word_list.cache_info().currsize,
        pipeline="drafter.pipeline" in sys.modules, typst="drafter.writers.pdf.typst_writer" in sys.modules))
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    assert seen == {"glyphs": 1, "words": 1, "pipeline": True, "typst": True}


def test_the_web_server_builds_the_models_a_check_validates_before_it_listens():
    """The models are built at their first validation (defer_build); `drafter serve` builds them before
    the first request, as it loads everything else the first check needs."""
    code = ("from drafter.spec.model import Spec\n"
            "from drafter.clauses.front_matter import ClauseMeta\n"
            "before = Spec.__pydantic_complete__, ClauseMeta.__pydantic_complete__\n"
            "from drafter.startup import warm_up\n"
            "warm_up()\n"
            "print(before, (Spec.__pydantic_complete__, ClauseMeta.__pydantic_complete__))\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[-2] == "(False, False) (True, True)"
