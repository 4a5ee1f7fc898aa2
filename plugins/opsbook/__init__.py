"""opsbook: an operations handbook as code.

The core (loading, validation, derivation, rendering) is pure Python over frozen dataclasses and
knows nothing of MkDocs; `opsbook.plugin` is the MkDocs adapter and `opsbook.cli` the command line.
"""

__version__ = "0.1.0"
