"""PySide6 desktop interface: adapts and shows what ``reviewer`` computes."""
