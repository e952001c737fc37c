"""Store URLs without their password, for messages, logs and the command line (issue 18):
`postgresql://radar:s3cret@db/radar` is shown as `postgresql://radar:***@db/radar`."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

MASK = "***"
_CONNINFO_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", re.I)


def redacted(url: str) -> str:
    """`url` with the password masked: in the user info, in a `?password=` parameter, or in a
    libpq `key=value` string. A DuckDB path (no password) comes back as it is."""
    if "://" not in url:
        return _CONNINFO_PASSWORD.sub(rf"\g<1>{MASK}", url)
    try:
        parts = urlsplit(url)
        password = parts.password
    except ValueError:
        return url.split("://", 1)[0] + "://" + MASK
    netloc = parts.netloc
    if password is not None:
        userinfo, host = netloc.rsplit("@", 1)
        netloc = f"{userinfo.split(':', 1)[0]}:{MASK}@{host}"
    query = parts.query
    if query and "password" in query.lower():
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode([(k, MASK if k.lower() == "password" else v) for k, v in pairs])
    return urlunsplit(parts._replace(netloc=netloc, query=query))


def secrets_of(url: str) -> list[str]:
    """The password(s) in `url`, as written and decoded, to scrub from any text."""
    found: list[str] = []
    if "://" in url:
        try:
            parts = urlsplit(url)
            if parts.password:
                found += [parts.password, parts.netloc.rsplit("@", 1)[0].split(":", 1)[-1]]
            found += [v for k, v in parse_qsl(parts.query) if k.lower() == "password" and v]
        except ValueError:
            pass
    found += [m.group(2).strip("'") for m in _CONNINFO_PASSWORD.finditer(url)]
    return sorted({s for s in found if s}, key=len, reverse=True)


def scrubbed(text: str, url: str) -> str:
    """`text` (an error message, say) with the store `url` and its password masked."""
    text = text.replace(url, redacted(url))
    for secret in secrets_of(url):
        text = text.replace(secret, MASK)
    return text
