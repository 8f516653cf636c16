"""English catalogue: Indonesian source text -> English.

One module per part of the product (``database``, ``register``, ...), each with a
``CATALOGUE`` dict; they are merged here. A test checks that every text passed to ``tr`` in
the code has an entry.
"""

import importlib
import pkgutil

CATALOGUE: dict[str, str] = {}
for _module in pkgutil.iter_modules(__path__):
    CATALOGUE.update(importlib.import_module(f"{__name__}.{_module.name}").CATALOGUE)
