"""Send one message from the e-mail outbox through SMTP (standard library `smtplib`)."""

from __future__ import annotations

import re
import smtplib
from email.message import EmailMessage

from lloradar.features.alerts.delivery.webhook import DeliveryFailed

TIMEOUT_SECONDS = 10.0


def send_email(
    host: str, port: int, sender: str, recipient: str, subject: str, body: str, message_id: str
) -> None:
    """Raise `DeliveryFailed` when the server cannot be reached or refuses the message."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Message-ID"] = f"<{message_id}@lloradar>"
    message.set_content(body)
    try:
        with smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        # The server's answer can quote the address (SMTPRecipientsRefused does): the reason is
        # kept in the delivery rows and printed by `lloradar alerts run`, the address is not.
        reason = re.sub(re.escape(recipient), "<recipient>", str(error), flags=re.IGNORECASE)
        raise DeliveryFailed(f"SMTP {host}:{port}: {type(error).__name__}: {reason}") from None
