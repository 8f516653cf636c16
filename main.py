import os
import sys

from assembly import cli

# A command runs without loading Qt (the import alone takes about half a second); only the
# app itself needs it.
if cli.first_word(sys.argv[1:]) in cli.COMMANDS:
    raise SystemExit(cli.main(sys.argv[1:]))

from assembly.app import main

code = main()
if getattr(sys, "frozen", False):
    # The frozen build once aborted in the interpreter's final garbage collection after a
    # window was shown ("bool_dealloc", exit code 134): shiboken6 6.12.0 lost a reference to
    # None/True/False on calls returning them, which pyproject.toml's pin (6.11.3) no longer
    # does (tests/ui/test_none_refcount.py). The window and the database are already closed by
    # then (Kuorum.close), so the build still ends here, with the app's exit code: nothing the
    # final collection could do is worth an abort at the hall.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
raise SystemExit(code)
