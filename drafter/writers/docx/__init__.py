"""DOCX writer: the document model onto the house template (template.docx).

`docx_bytes(doc)` returns the finished file; make_template.py rebuilds the template.
"""

from drafter.writers.docx.writer import docx_bytes

__all__ = ["docx_bytes"]
