"""The organisationsnummer's check digit without stdnum's package start-up: stdnum's own verdict."""

import subprocess
import sys

import pytest

from drafter.swedish.orgnr import orgnr_digits

NUMBERS = [
    "802524-2879", "212000-0142", "556036-0793", "802524-2878", "8025242879", "802524 2879", "802.524.2879",
    "802524-287", "802524-28790", "80252A-2879", "٨٠٢٥٢٤-٢٨٧٩", "８０２５２４-２８７９", "", "-", "0000000000",
    "212000-0143", "232100-0016", "123456-7897", "123456-7891", "802524--2879",
]


@pytest.mark.parametrize("number", NUMBERS)
def test_the_verdict_is_stdnums(number):
    from stdnum.exceptions import ValidationError
    from stdnum.se import orgnr

    try:
        expected = orgnr.validate(number)
    except ValidationError:
        expected = None
    assert orgnr_digits(number) == expected


def test_stdnums_network_modules_are_not_imported_and_the_package_is_whole_when_asked():
    code = ("import sys; from drafter.swedish.orgnr import orgnr_digits; assert orgnr_digits('802524-2879');"
            "assert 'ssl' not in sys.modules and 'stdnum.util' not in sys.modules, sorted(sys.modules);"
            "import stdnum; assert callable(stdnum.get_cc_module); from stdnum.se import orgnr;"
            "assert orgnr.is_valid('802524-2879'); print('ok')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr
