"""Assembly: spec + clause library → one document model."""
