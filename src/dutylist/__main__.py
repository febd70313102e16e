"""Run the command line: ``python -m dutylist …`` is ``dutylist …``."""

from dutylist.cli import main

main()
