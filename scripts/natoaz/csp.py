"""A Content Security Policy for every built page, as a `<meta http-equiv>` tag at the top of `<head>`.

Scripts and styles from the site itself only. The theme's few inline scripts embed the page's base
URL, so their SHA-256 hashes are computed per page, at build time, from the page as written;
JSON blocks (`application/json`, `application/ld+json`) are data, not scripts, and need none. No
inline event handler or `style` attribute is allowed (tables align with `align`, charts with
classes), and nothing loads from another host. An escaping slip upstream therefore stays inert.
"""

from __future__ import annotations

import base64
import hashlib
import re

from .render.escape import meta_text

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head[^>]*>", re.I)


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs = match.group("attrs")
        kind = _TYPE.search(attrs)
        if re.search(r"\ssrc\s*=", attrs, re.I) or (kind and kind.group(1).lower() not in _JS_TYPES):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(set(hashes))


def policy(html: str) -> str:
    # 'wasm-unsafe-eval': the site search (Pagefind) compiles its WebAssembly; no JavaScript eval
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(html)])
    return ("default-src 'self'; "
            f"script-src {scripts}; "
            "style-src 'self'; "
            "img-src 'self' data:; "  # data: for the theme's CSS icons; data never supplies an image
            "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'")


def add_csp(html: str) -> str:
    """`html` with the policy as the first element of its head (before any script runs)."""
    head = _HEAD.search(html)
    if not head or 'http-equiv="Content-Security-Policy"' in html:
        return html
    tag = f'<meta http-equiv="Content-Security-Policy" content="{meta_text(policy(html))}">'
    return html[: head.end()] + tag + html[head.end():]
