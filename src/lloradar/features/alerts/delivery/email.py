"""Send one message from the e-mail outbox through SMTP (standard library `smtplib`), with
STARTTLS whenever the server offers it (a verified certificate), or only so (`require_tls`)."""

from __future__ import annotations

import re
import smtplib
import ssl
from email.message import EmailMessage

from lloradar.features.alerts.delivery.webhook import DeliveryFailed

TIMEOUT_SECONDS = 10.0


def send_email(
    host: str,
    port: int,
    sender: str,
    recipient: str,
    subject: str,
    body: str,
    message_id: str,
    *,
    require_tls: bool = False,
) -> None:
    """Raise `DeliveryFailed` when the server cannot be reached or refuses the message, or
    offers no STARTTLS while `require_tls`."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Message-ID"] = f"<{message_id}@lloradar>"
    message.set_content(body)
    try:
        with smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS) as smtp:
            smtp.ehlo()
            if smtp.has_extn("starttls"):
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            elif require_tls:
                raise DeliveryFailed(
                    f"SMTP {host}:{port} offers no STARTTLS and TLS is required "
                    "(LLORADAR_SMTP_REQUIRE_TLS); nothing sent"
                )
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        # The server's answer can quote the address (SMTPRecipientsRefused does): the reason is
        # kept in the delivery rows and printed by `lloradar alerts run`, the address is not.
        reason = re.sub(re.escape(recipient), "<recipient>", str(error), flags=re.IGNORECASE)
        raise DeliveryFailed(f"SMTP {host}:{port}: {type(error).__name__}: {reason}") from None
