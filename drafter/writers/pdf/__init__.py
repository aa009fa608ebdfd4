"""PDF writers: Typst (default, from the model) and LibreOffice (from the DOCX)."""

from drafter.writers.pdf.typst_writer import pdf_bytes

__all__ = ["pdf_bytes"]
