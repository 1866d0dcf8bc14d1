import sys

from reviewer.cli import command

if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # multiprocessing costs 15 ms to import: only where it is needed
        import multiprocessing

        # The analysis pool spawns workers; a frozen build must route them here instead of the CLI.
        multiprocessing.freeze_support()
    command()
