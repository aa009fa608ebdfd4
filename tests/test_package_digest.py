"""drafter's own files in the inputs hash: read once, then kept between runs while no file changed."""

import os

from drafter import user_cache
from drafter.incremental import PACKAGE, drafter_digest, package_digest


def _package(root):
    (root / "pkg" / "writers").mkdir(parents=True)
    (root / "pkg" / "cli").mkdir()
    (root / "pkg" / "__init__.py").write_text("x = 1\n")
    (root / "pkg" / "writers" / "mall.typ").write_text("= Rubrik\n")
    (root / "pkg" / "cli" / "build.py").write_text("# the command line writes nothing\n")
    (root / "cache").mkdir(mode=0o700)
    return root / "pkg", root / "cache"


def test_the_kept_digest_is_the_digest_of_the_bytes():
    assert drafter_digest() == package_digest(PACKAGE, None)


def test_a_changed_file_changes_the_digest_even_with_a_digest_kept(tmp_path):
    package, cache = _package(tmp_path)
    first = package_digest(package, cache)
    assert package_digest(package, cache) == first
    template = package / "writers" / "mall.typ"
    info = template.stat()
    template.write_text("= Rubrak\n")  # the same size, a later time
    os.utime(template, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000))
    assert package_digest(package, cache) == package_digest(package, None) != first
    (package / "writers" / "ny.typ").write_text("")  # a new file
    assert package_digest(package, cache) == package_digest(package, None)
    (package / "writers" / "ny.typ").unlink()
    (package / "cli" / "build.py").write_text("# a change here changes no document\n")
    assert package_digest(package, cache) == package_digest(package, None)


def test_what_is_kept_is_used_while_no_stamp_changed(tmp_path):
    package, cache = _package(tmp_path)
    package_digest(package, cache)
    [kept] = cache.iterdir()
    key, digest = kept.read_text().split()
    kept.write_text(f"{key} {'0' * 64}\n")  # a digest only the kept file can give
    assert package_digest(package, cache) == "0" * 64
    (package / "__init__.py").write_text("x = 2\n")
    assert package_digest(package, cache) == package_digest(package, None) != "0" * 64


def test_a_damaged_kept_file_is_computed_again(tmp_path):
    package, cache = _package(tmp_path)
    right = package_digest(package, None)
    package_digest(package, cache)
    [kept] = cache.iterdir()
    for damage in ("", "nonsens", "\xff\xfe", f"{'a' * 64}"):
        kept.write_text(damage, encoding="latin-1")
        assert package_digest(package, cache) == right


def test_a_cache_folder_open_to_others_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.gettempdir", lambda: str(tmp_path))
    assert user_cache.folder() == tmp_path / f"drafter-cache-{os.getuid()}"
    (tmp_path / f"drafter-cache-{os.getuid()}").chmod(0o777)
    assert user_cache.folder() is None


def test_a_file_rewritten_in_place_with_its_old_size_and_time_is_read_again(tmp_path):
    """`cp -p` or `rsync -t --inplace` onto a template: the same inode, size and modification time, new
    bytes. Only the change time tells, and nothing can set it back."""
    package, cache = _package(tmp_path)
    template = package / "writers" / "mall.typ"
    info = template.stat()
    first = package_digest(package, cache)
    with open(template, "r+") as f:
        f.write("= Rubrak\n")
    os.utime(template, ns=(info.st_atime_ns, info.st_mtime_ns))
    after = template.stat()
    assert (after.st_ino, after.st_size, after.st_mtime_ns) == (info.st_ino, info.st_size, info.st_mtime_ns)
    assert package_digest(package, cache) == package_digest(package, None) != first
