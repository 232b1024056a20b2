"""The channels: e-mail over SMTP (STARTTLS or TLS, login) and text messages through a provider's HTTP API.

A channel sends one message and says what happened: sent (with the provider's id), retry later, bounced (the
address or number was refused for good) or failed. Errors are reported by kind and code, never with the
recipient's address or the message text."""

import smtplib
import ssl
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Literal, Protocol
from urllib.parse import parse_qs, unquote, urlsplit

import httpx

from api.core.config import Settings

Outcome = Literal["sent", "retry", "bounced", "failed"]


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    detail: str | None = None
    provider_id: str | None = None


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str
    html: str
    headers: dict[str, str] = field(default_factory=dict)
    attachments: tuple[Attachment, ...] = ()


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: Literal["starttls", "tls", "none"]
    username: str | None
    password: str | None


def smtp_config(url: str) -> SmtpConfig:
    """`smtp://user:pass@relay:587` (STARTTLS, required), `smtps://…:465` (TLS from the start), or
    `smtp://relay:25?starttls=false` for a relay on a trusted network that offers no TLS."""
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ValueError("BONDGENOOT_SMTP_URL must look like smtp://user:password@host:587 or smtps://…")
    plain = parse_qs(parts.query).get("starttls", ["true"])[0].lower() in ("false", "0", "no")
    security: Literal["starttls", "tls", "none"] = (
        "tls" if parts.scheme == "smtps" else "none" if plain else "starttls"
    )
    return SmtpConfig(
        host=parts.hostname,
        port=parts.port or (465 if security == "tls" else 587),
        security=security,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


def build_email(mail: Mail, *, sender: str, reply_to: str | None, domain: str) -> EmailMessage:
    """A multipart message: plain text and HTML as alternatives, attachments beside them."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = mail.to
    if reply_to:
        message["Reply-To"] = reply_to
    message["Subject"] = mail.subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=domain)
    message["Auto-Submitted"] = "auto-generated"
    for name, value in mail.headers.items():
        message[name] = value
    message.set_content(mail.text)
    message.add_alternative(mail.html, subtype="html")
    for attachment in mail.attachments:
        maintype, subtype = attachment.content_type.split("/", 1)
        message.add_attachment(
            attachment.data, maintype=maintype, subtype=subtype.split(";")[0], filename=attachment.filename
        )
    return message


class SmtpChannel:
    """Sends through the organisation's mail relay; a 5xx for the recipient is a bounce, a 4xx a retry."""

    def __init__(self, settings: Settings) -> None:
        assert settings.smtp_url is not None
        self.config = smtp_config(settings.smtp_url.get_secret_value())
        self.settings = settings

    def _tls(self) -> ssl.SSLContext:
        cafile = str(self.settings.smtp_ca_file) if self.settings.smtp_ca_file else None
        return ssl.create_default_context(cafile=cafile)

    def send(self, mail: Mail) -> Result:
        config, settings = self.config, self.settings
        domain = urlsplit(settings.public_url).hostname or "bondgenoot.local"
        message = build_email(mail, sender=settings.mail_from, reply_to=settings.mail_reply_to, domain=domain)
        timeout = settings.smtp_timeout_seconds
        try:
            client: smtplib.SMTP
            if config.security == "tls":
                client = smtplib.SMTP_SSL(config.host, config.port, timeout=timeout, context=self._tls())
            else:
                client = smtplib.SMTP(config.host, config.port, timeout=timeout)
            with client:
                client.ehlo(domain)
                if config.security == "starttls":
                    client.starttls(context=self._tls())
                    client.ehlo(domain)
                if config.username and config.password:
                    client.login(config.username, config.password)
                client.send_message(message)
        except smtplib.SMTPRecipientsRefused as exc:
            code = next(iter(exc.recipients.values()))[0]
            return Result("bounced" if code >= 500 else "retry", f"recipient refused ({code})")
        except smtplib.SMTPResponseException as exc:
            kind = type(exc).__name__
            if isinstance(exc, smtplib.SMTPAuthenticationError) or exc.smtp_code < 500:
                return Result("retry", f"{kind} ({exc.smtp_code})")
            return Result("failed", f"{kind} ({exc.smtp_code})")
        except (smtplib.SMTPException, OSError) as exc:  # the type only: messages can echo addresses
            return Result("retry", type(exc).__name__)
        return Result("sent", provider_id=str(message["Message-ID"]))


class SmsChannel(Protocol):
    """A text-message provider: one number, one text, one reference of ours."""

    name: str

    def send(self, *, to: str, text: str, reference: str) -> Result: ...


class CmSms:
    """CM.com's Business Messaging API (JSON over HTTPS, a product token): a Dutch provider (Breda) with
    ISO 27001 and NEN 7510 certification that many Dutch care organisations already contract."""

    name = "cm"

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None) -> None:
        assert settings.sms_api_token is not None
        self.url = settings.sms_api_url
        self.token = settings.sms_api_token.get_secret_value()
        self.sender = settings.sms_sender
        self.transport = transport

    def send(self, *, to: str, text: str, reference: str) -> Result:
        number = "00" + to.removeprefix("+") if to.startswith("+") else to
        body = {
            "messages": {
                "authentication": {"producttoken": self.token},
                "msg": [
                    {
                        "from": self.sender,
                        "to": [{"number": number}],
                        "body": {"type": "auto", "content": text},
                        "reference": reference,
                        "minimumNumberOfMessageParts": 1,
                        "maximumNumberOfMessageParts": 4,
                    }
                ],
            }
        }
        try:
            with httpx.Client(timeout=15, transport=self.transport, follow_redirects=False) as http:
                response = http.post(self.url, json=body)
        except httpx.HTTPError as exc:
            return Result("retry", type(exc).__name__)
        try:
            answer = response.json()
        except ValueError:
            answer = {}
        code = answer.get("errorCode") if isinstance(answer, dict) else None
        if 200 <= response.status_code < 300 and not code:
            return Result("sent", provider_id=reference)
        if response.status_code >= 500 or response.status_code == 429:
            return Result("retry", f"HTTP {response.status_code}")
        rejected = [
            m for m in (answer.get("messages") or []) if isinstance(m, dict) and m.get("status") == "Rejected"
        ]
        if rejected:
            return Result("bounced", f"rejected by provider ({rejected[0].get('messageErrorCode')})")
        return Result("failed", f"HTTP {response.status_code} (code {code})")


def sms_channel(settings: Settings, transport: httpx.BaseTransport | None = None) -> SmsChannel | None:
    """The configured provider, or None: without configuration no text message is ever sent."""
    if settings.sms_provider == "cm" and settings.sms_api_token is not None:
        return CmSms(settings, transport)
    return None


def email_channel(settings: Settings) -> SmtpChannel | None:
    """The mail relay, or None when BONDGENOOT_SMTP_URL is not set."""
    return SmtpChannel(settings) if settings.smtp_url is not None else None
