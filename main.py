import sys

from assembly import cli

# A command runs without loading Qt (the import alone takes about half a second); only the
# app itself needs it.
if cli.first_word(sys.argv[1:]) in cli.COMMANDS:
    raise SystemExit(cli.main(sys.argv[1:]))

from assembly.app import main  # noqa: E402

raise SystemExit(main())
