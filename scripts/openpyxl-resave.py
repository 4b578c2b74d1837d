#!/usr/bin/python3
"""Loads a workbook with openpyxl and saves it again, as a Python script or pandas would.

For test/xlsx/roundtrip.test.ts (issue 18): run with Debian's python3-openpyxl, i.e.
/usr/bin/python3, not a python3 of pyenv or a virtual environment.
Usage: /usr/bin/python3 scripts/openpyxl-resave.py IN.xlsx OUT.xlsx
"""
import sys

import openpyxl


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    workbook = openpyxl.load_workbook(sys.argv[1])
    workbook.save(sys.argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
