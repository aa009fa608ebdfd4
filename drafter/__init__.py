"""drafter: IOP agreements and their companion documents from a YAML spec and a clause library."""

__version__ = "0.1.0"
