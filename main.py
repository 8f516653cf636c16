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
    # The frozen build (kuorum.spec) aborts in the interpreter's final garbage collection after
    # a window was shown (PySide6 6.12 + PyInstaller 6.22: "bool_dealloc" at finalisation,
    # exit code 134), although the source run exits cleanly. The window and the database are
    # already closed by then (Kuorum.close), so the build ends here, with the app's exit code.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
raise SystemExit(code)
