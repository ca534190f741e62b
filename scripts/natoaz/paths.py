"""Where things live in a checkout."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
SCHEMA_DIR = ROOT / "schemas"
DOCS_DIR = ROOT / "docs"

# Collections in load order; the folder under data/ is named like the collection.
COLLECTIONS = ("sectors", "sources", "people", "programmes", "events", "quotes")
