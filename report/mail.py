"""E-mail delivery of a report through SMTP, with the settings of ``.env``:

``BOUSSOLE_SMTP_HOST`` (required), ``BOUSSOLE_SMTP_PORT`` (default 587; 465 means implicit TLS),
``BOUSSOLE_SMTP_USER`` / ``BOUSSOLE_SMTP_PASSWORD`` (login when both are set),
``BOUSSOLE_SMTP_FROM`` (default: the user), ``BOUSSOLE_SMTP_STARTTLS`` (``1``/``0``; default on
when the server offers it, except on localhost).

The password never appears in a message: errors name the host and port only.
"""

from __future__ import annotations

import os
import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage


class MailError(RuntimeError):
    pass


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int
    user: str | None
    password: str | None
    sender: str
    starttls: bool | None

    def __repr__(self) -> str:  # never the password
        return f"SmtpSettings(host={self.host!r}, port={self.port}, user={self.user!r}, sender={self.sender!r})"


def smtp_settings(env: Mapping[str, str] | None = None) -> SmtpSettings:
    if env is None:
        from connectors.api.base import load_dotenv_once

        load_dotenv_once()
        env = os.environ
    host = (env.get("BOUSSOLE_SMTP_HOST") or "").strip()
    if not host:
        raise MailError("BOUSSOLE_SMTP_HOST is not set (add the SMTP settings to .env)")
    raw_port = (env.get("BOUSSOLE_SMTP_PORT") or "587").strip()
    try:
        port = int(raw_port)
    except ValueError:
        raise MailError(f"BOUSSOLE_SMTP_PORT is not a number: {raw_port!r}") from None
    user = (env.get("BOUSSOLE_SMTP_USER") or "").strip() or None
    password = env.get("BOUSSOLE_SMTP_PASSWORD") or None
    sender = (env.get("BOUSSOLE_SMTP_FROM") or user or "").strip()
    if not sender:
        raise MailError("BOUSSOLE_SMTP_FROM is not set")
    tls = (env.get("BOUSSOLE_SMTP_STARTTLS") or "").strip().lower()
    starttls = None if not tls else tls in ("1", "true", "yes", "on")
    return SmtpSettings(host, port, user, password, sender, starttls)


def send(to: Sequence[str], subject: str, body: str, attachment: bytes, filename: str, mime: str,
         cfg: SmtpSettings | None = None, timeout: float = 30) -> None:
    """Send one message with the report attached; :class:`MailError` on failure."""
    cfg = cfg or smtp_settings()
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = cfg.sender, ", ".join(to), subject
    msg.set_content(body)
    maintype, _, subtype = mime.partition("/")
    msg.add_attachment(attachment, maintype=maintype, subtype=subtype, filename=filename)
    where = f"{cfg.host}:{cfg.port}"
    try:
        if cfg.port == 465:
            server: smtplib.SMTP = smtplib.SMTP_SSL(cfg.host, cfg.port, timeout=timeout, context=ssl.create_default_context())
        else:
            server = smtplib.SMTP(cfg.host, cfg.port, timeout=timeout)
        with server:
            server.ehlo()
            local = cfg.host in ("localhost", "127.0.0.1", "::1")
            want_tls = cfg.starttls if cfg.starttls is not None else (server.has_extn("starttls") and not local)
            if want_tls and cfg.port != 465:
                server.starttls(context=ssl.create_default_context())
                server.ehlo()
            if cfg.user and cfg.password:
                server.login(cfg.user, cfg.password)
            server.send_message(msg)
    except smtplib.SMTPAuthenticationError:
        raise MailError(f"the SMTP server {where} refused the user name or password") from None
    except (smtplib.SMTPException, OSError) as e:
        raise MailError(f"could not send through {where}: {type(e).__name__}") from None
