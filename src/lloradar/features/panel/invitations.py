"""Invitations of the citizen panel: a personal link per member and wave, the mail in the outbox
(`panel_outbox`, only the link's hash kept with the invitation), sent through the SMTP sender of
the alerts; a sent mail's body is not kept."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import date

from lloradar.config import Settings
from lloradar.features.alerts.service import DeliveryFailed, send_email
from lloradar.features.panel import queries
from lloradar.features.panel.service import PanelError, Wave, WaveClosed, get_wave, token_hash
from lloradar.services.request_store import Store

Sender = Callable[[str, str, str, str], None]  # (recipient, subject, body, message id)


def invitation_mail(wave: Wave, link: str) -> tuple[str, str]:
    """(subject, body) of an invitation, in Dutch with English beneath."""
    subject = f"Burgerpanel: {wave.title_nl} / Citizen panel: {wave.title_en}"
    body = (
        f"U bent uitgenodigd voor de vragenlijst '{wave.title_nl}' van het burgerpanel "
        f"(open tot en met {wave.closes_on.isoformat()}).\n"
        f"Uw persoonlijke link: {link}\n"
        "Eerst vragen we uw toestemming; zonder toestemming bewaren we geen antwoorden.\n\n"
        f"You are invited to the citizen panel's survey '{wave.title_en}' (open until "
        f"{wave.closes_on.isoformat()}). Your personal link: {link}\n"
    )
    return subject, body


def invite(
    store: Store, wave_id: str, base_url: str, *, group: str | None = None, today: date
) -> int:
    """Put an invitation for every member (of `group`) not invited yet in the outbox, each
    with a personal link; only the link's hash is kept with the invitation."""
    wave = get_wave(store, wave_id)
    if wave is None:
        raise PanelError(f"no wave '{wave_id}'")
    if not wave.is_open(today) and not (wave.status == "open" and today < wave.opens_on):
        raise WaveClosed(f"wave '{wave_id}' is closed: nobody can be invited to it")
    contacts = queries.uninvited_contacts(store, wave_id, group)
    rows = []
    for pseudonym, email in contacts:
        token = secrets.token_urlsafe(24)
        subject, body = invitation_mail(wave, f"{base_url.rstrip('/')}/panel/{token}")
        rows.append((str(pseudonym), token_hash(token), str(email), subject, body))
    with store.transaction():
        queries.save_invitations(store, wave_id, rows)
    return len(rows)


def send_outbox(store: Store, send: Sender) -> tuple[int, list[str]]:
    """Send the pending invitations; a sent mail's body (the personal link) is not kept.
    Returns (sent, failures) - a failure names the wave, not the address."""
    sent, failures = 0, []
    for wave_id, pseudonym, recipient, subject, body in queries.pending_mail(store):
        try:
            send(str(recipient), str(subject), str(body), f"panel-{wave_id}-{pseudonym}")
        except DeliveryFailed as error:  # one failed mail does not stop the others
            failures.append(f"wave {wave_id}: {error}")
            continue
        queries.mark_sent(store, str(wave_id), str(pseudonym))
        sent += 1
    return sent, failures


def send_configured(store: Store, settings: Settings) -> tuple[int, list[str]]:
    """`send_outbox` through the configured SMTP server (LLORADAR_SMTP_*), with the alerts' sender:
    STARTTLS whenever the server offers it."""
    require_tls = bool(getattr(settings, "smtp_require_tls", False))

    def send(recipient: str, subject: str, body: str, message_id: str) -> None:
        send_email(
            settings.smtp_host,
            settings.smtp_port,
            settings.smtp_from,
            recipient,
            subject,
            body,
            message_id,
            require_tls=require_tls,
        )

    return send_outbox(store, send)
