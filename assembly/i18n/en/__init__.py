"""English catalogue: Indonesian source text -> English.

One module per part of the product (``database``, ``register``, ...), each with a
``CATALOGUE`` dict and optionally a ``PLURALS`` dict (Indonesian singular source ->
(English one, English other)); they are merged here. A test checks that every text passed to
``tr`` in the code has an entry.
"""

import importlib
import pkgutil

CATALOGUE: dict[str, str] = {}
PLURALS: dict[str, tuple[str, str]] = {}
for _module in pkgutil.iter_modules(__path__):
    _loaded = importlib.import_module(f"{__name__}.{_module.name}")
    CATALOGUE.update(_loaded.CATALOGUE)
    PLURALS.update(getattr(_loaded, "PLURALS", {}))
