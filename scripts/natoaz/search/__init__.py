"""The site search: page markup for the indexer (markup.py) and the Pagefind run (pagefind.py)."""
