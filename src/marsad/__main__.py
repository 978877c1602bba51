"""``python -m marsad``: the same command line as the ``marsad`` script."""

import sys

from marsad.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
