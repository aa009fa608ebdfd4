"""The clause library: versioned Markdown clause texts with front matter."""

from drafter.clauses.library import ClauseLibrary, ClauseVersion, default_library_path

__all__ = ["ClauseLibrary", "ClauseVersion", "default_library_path"]
