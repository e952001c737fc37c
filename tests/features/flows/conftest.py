"""The browser fixtures of tests/web (a served copy of the app world, Debian's chromium) for
the waterbed view's browser test."""

from web.conftest import artifacts, base_url, browser, page  # noqa: F401
