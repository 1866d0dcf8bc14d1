"""checklist feature."""
