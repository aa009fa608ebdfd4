"""The document model (nodes), its numbering and its plain text."""
