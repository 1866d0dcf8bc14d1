import multiprocessing
import sys

from ui.app import main

if __name__ == "__main__":
    # The analysis pool spawns workers; a frozen build must route them here instead of the GUI.
    multiprocessing.freeze_support()
    sys.exit(main())
