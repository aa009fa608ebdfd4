"""An organisationsnummer's check digit, by python-stdnum's Luhn module without stdnum's package start-up.

`import stdnum.se.orgnr` first runs stdnum's `__init__`, which imports stdnum.util: ssl, socket, pydoc
and pkgutil for its online look-ups, and a table of Unicode look-alikes (about 7 ms of every `check`).
The check digit needs only stdnum.luhn (and stdnum.exceptions). So the stdnum package is registered
without running its `__init__` (its modules are found as always); the first attribute asked of the
package itself (`stdnum.get_cc_module`) runs the `__init__` then, so any other user still gets all of it.
"""

from __future__ import annotations

import sys
from functools import lru_cache
from types import ModuleType


@lru_cache(maxsize=1)
def _luhn() -> ModuleType:
    if "stdnum" not in sys.modules:
        _register_package()
    import importlib

    # not `from stdnum import luhn`: that asks the package for the name first, and so runs its __init__
    return importlib.import_module("stdnum.luhn")


def _register_package() -> None:
    import importlib.util

    spec = importlib.util.find_spec("stdnum")
    if spec is None or spec.loader is None:
        return  # not installed: the import below says so
    package = importlib.util.module_from_spec(spec)

    def complete(name: str):
        """The package's own `__init__`, run at the first attribute asked that it defines."""
        del package.__dict__["__getattr__"]
        spec.loader.exec_module(package)  # type: ignore[union-attr]
        return getattr(package, name)

    package.__dict__["__getattr__"] = complete
    sys.modules["stdnum"] = package


def orgnr_digits(number: str) -> str | None:
    """The ten digits of an organisationsnummer, or None when it has other characters, another length
    or a wrong check digit: stdnum.se.orgnr.validate's verdict (tests/swedish/test_orgnr.py compares the
    two). A text that is not ASCII (stdnum reads look-alikes such as full-width digits) is stdnum's own."""
    if not number.isascii():
        return _whole_stdnum(number)
    digits = number.replace(" ", "").replace("-", "").replace(".", "")
    if len(digits) != 10 or not digits.isdigit():
        return None
    return digits if _luhn().is_valid(digits) else None


def _whole_stdnum(number: str) -> str | None:
    from stdnum.exceptions import ValidationError
    from stdnum.se import orgnr

    try:
        return orgnr.validate(number)
    except ValidationError:
        return None
