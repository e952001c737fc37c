"""Delivery of alert events: a signed webhook, an e-mail outbox sent over SMTP, an Atom feed."""
