"""A name and a title on a signature line, read once for the importer and for the party check."""

import pytest

from drafter.swedish.signing import name_and_title


@pytest.mark.parametrize(("line", "read"), [
    ("Karin Bergqvist, ordförande", ("Karin Bergqvist", "ordförande")),
    ("Karin Bergqvist Ordförande, äldrenämnden", ("Karin Bergqvist", "Ordförande, äldrenämnden")),
    ("Anna-Lena von Essen, verksamhetsledare", ("Anna-Lena von Essen", "verksamhetsledare")),
    ("Karin Bergqvist", ("Karin Bergqvist", None)),
    ("Namnförtydligande, titel", ("", "titel")),
])
def test_a_signature_line_gives_the_name_and_the_title(line, read):
    assert name_and_title(line) == read


@pytest.mark.parametrize("line", ["______________", "Ordförande", "Socialnämnden i Stockholms stad",
                                  "Linköping den 12 december 2023", "[Namn]"])
def test_a_line_that_names_no_person_gives_nothing(line):
    assert name_and_title(line)[0] in (None, "") and name_and_title(line) != (line, None)
