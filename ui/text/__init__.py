"""text feature."""
