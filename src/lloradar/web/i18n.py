"""The words of the web pages in Dutch (the default unless LLORADAR_LANG says `en`) and English.

They live in two gettext catalogues, `lloradar/locale/{nl,en}/LC_MESSAGES/lloradar.po`, read once
with Babel. A message id is the key the code uses, namespaced by feature (`tasks.rate_title`);
the kernel's own words (`site`, `region`, ...) have no namespace. `words("tasks")` gives a
feature its words as `{"nl": {key: text}, "en": {...}}`, `gettext(lang, id)` one message, and the
templates call `_("id")` (jinja2.ext.i18n) in the request's language.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po
from fastapi import Request
from jinja2 import Environment, pass_context
from jinja2.runtime import Context

LANGS = ("nl", "en")
COOKIE = "lang"
DOMAIN = "lloradar"
LOCALE_DIR = Path(__file__).parent.parent / "locale"


def catalogue_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def messages(lang: str) -> dict[str, str]:
    """Every message of one language's catalogue: id -> text (the header left out)."""
    with catalogue_path(lang).open("rb") as handle:
        catalogue = read_po(handle, locale=lang, domain=DOMAIN)
    return {str(m.id): str(m.string) for m in catalogue if m.id}


def gettext(lang: str, message_id: str) -> str:
    """One message in `lang`; an unknown id raises KeyError, as a missing dict key did."""
    return messages(lang)[message_id]


def words(namespace: str = "") -> dict[str, dict[str, str]]:
    """The messages of one namespace, keyed `[lang][key]` with the namespace taken off; the
    empty namespace is the kernel's words (ids without a dot)."""
    out: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        if namespace:
            prefix = namespace + "."
            out[lang] = {
                k.removeprefix(prefix): v for k, v in messages(lang).items() if k.startswith(prefix)
            }
        else:
            out[lang] = {k: v for k, v in messages(lang).items() if "." not in k}
    return out


TEXT = words()


@pass_context
def _template_gettext(context: Context, message_id: str) -> str:
    lang = context.get("lang")
    return gettext(lang if lang in LANGS else LANGS[0], message_id)


@pass_context
def _template_ngettext(context: Context, singular: str, plural: str, n: int) -> str:
    return _template_gettext(context, singular if n == 1 else plural)


def install(env: Environment) -> None:
    """jinja2.ext.i18n on a template environment, translating into the page's `lang`."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(  # type: ignore[attr-defined]
        _template_gettext, _template_ngettext, newstyle=False
    )


def request_lang(request: Request) -> str:
    """`?lang=` wins, then the cookie, then the server's default: `app.state.lang`, which
    `lloradar.server.create_app` takes from the settings (LLORADAR_LANG), else Dutch."""
    for value in (request.query_params.get("lang"), request.cookies.get(COOKIE)):
        if value in LANGS:
            return value
    default = getattr(request.app.state, "lang", None)
    return default if default in LANGS else LANGS[0]
