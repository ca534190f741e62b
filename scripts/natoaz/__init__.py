"""Pure core of the NATO–Azerbaijan reference site: load → validate → render.

Nothing in this package imports MkDocs; `scripts/mkdocs_hook.py` is the only adapter.
"""

SCHEMA_VERSION = "1.0"
