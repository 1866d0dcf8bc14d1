"""compare feature."""
