"""Standards checks of the built site, each against the standards body's own definition:

- html.py     W3C Nu Html Checker (vnu.jar from tools/vnu/, a locked npm install) on every page
- atom.py     feed.xml against RFC 4287's RELAX NG schema (tools/standards/atom/) plus the RFC's own rules
- sitemap.py  sitemap.xml against the sitemaps.org XSD (tools/standards/sitemap/); every page once
- jsonld.py   every JSON-LD block parses; types and properties exist in schema.org's definitions
              (tools/standards/schemaorg/); the properties we require per type (required.py)
- theme.py    the one post-processing fix of the theme's markup, applied by the MkDocs hook

`python -m natoaz.standards` (`make validate`) runs them all on site/.
"""
