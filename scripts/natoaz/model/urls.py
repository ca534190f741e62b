"""Web addresses from data, parsed with a real URL parser and held to a strict form.

Only absolute http(s) addresses with a host; no whitespace, quotes, angle brackets, backslashes
or control characters, no `user@` part. Such a URL is safe inside an escaped `href` attribute.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_FORBIDDEN = re.compile(r"""[\s"'<>\\`{}|^\x00-\x1f\x7f-\x9f]""")
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?")


def url_problem(url: str) -> str:
    """Why `url` is not a usable web address ("" when it is)."""
    bad = _FORBIDDEN.search(url)
    if bad:
        what = "a space" if bad.group() == " " else f"the character U+{ord(bad.group()):04X}"
        return f"contains {what}; write spaces and quotes as %20, %22"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        return f"cannot be parsed ({exc})"
    if parts.scheme not in ("http", "https"):
        return "does not start with http:// or https://"
    if not parts.netloc or not parts.hostname:
        return "has no host (write https://example.org/…)"
    if "@" in parts.netloc:
        return "has a `user@` part before the host, which can disguise the real host"
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        return "has an invalid host name"
    if not _HOST.fullmatch(host):
        return "has an invalid host name"
    return ""
