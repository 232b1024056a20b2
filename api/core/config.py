"""Settings, read once from the environment (prefix BONDGENOOT_)."""

import os
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "development-only-secret-change-me"
# Where alembic.ini, migrations/ and frontend/dist are: the source tree, or BONDGENOOT_APP_ROOT when the
# package is installed non-editably (the container image sets it).
REPO_ROOT = Path(os.environ.get("BONDGENOOT_APP_ROOT") or Path(__file__).resolve().parents[2])


class Settings(BaseSettings):
    """Every setting of the service; the README's configuration table lists them."""

    model_config = SettingsConfigDict(env_prefix="BONDGENOOT_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = "sqlite:///./bondgenoot.db"
    database_replica_url: str | None = None
    database_prepared_statements: bool = True
    database_pool_size: int = Field(default=10, ge=1, le=200)
    # PostgreSQL: `bondgenoot migrate` connects as this owner role; database_url is the application's role.
    migration_database_url: str | None = None
    secret_key: str = DEVELOPMENT_SECRET
    jwt_issuer: str = "bondgenoot"
    jwt_audience: str = "bondgenoot-api"
    access_token_minutes: int = Field(default=15, ge=1, le=30)
    refresh_token_days: int = Field(default=14, ge=1, le=90)
    demo_password: str = "bondgenoot-demo"
    evaluation_debt_days: int = Field(default=90, ge=1, le=3650)
    caseload_norm: int = Field(default=15, ge=1, le=200)  # families per full-time supporter (team page)
    login_max_failures_per_account: int = 5
    login_max_failures_per_address: int = 20
    login_window_seconds: int = 900
    checkin_link_days: int = Field(default=90, ge=1, le=365)
    checkin_session_minutes: int = Field(default=120, ge=5, le=720)
    checkin_alert_burden: int = Field(default=8, ge=0, le=10)
    checkin_alert_drop: int = Field(default=3, ge=1, le=10)
    checkin_max_requests_per_link: int = 30
    checkin_max_requests_per_address: int = 120
    checkin_window_seconds: int = 900
    max_body_bytes: int = 1_048_576
    cors_origins: list[str] = []
    frontend_dist: Path = REPO_ROOT / "frontend" / "dist"
    secure_cookies: bool = False
    trusted_proxies: str = "127.0.0.1"
    webhook_allow_loopback: bool = False
    suppression_threshold: int = Field(default=5, ge=1, le=100)
    funder_token_minutes: int = Field(default=10, ge=1, le=60)
    webhook_max_attempts: int = Field(default=8, ge=1, le=30)
    webhook_backoff_seconds: float = Field(default=5.0, gt=0)
    webhook_backoff_max_seconds: float = Field(default=36_000.0, gt=0)
    webhook_lease_seconds: int = Field(default=60, ge=5)
    webhook_timeout_seconds: float = Field(default=10.0, gt=0, le=60)
    worker_poll_seconds: float = Field(default=2.0, gt=0)
    wave_t1_months: int = Field(default=6, ge=1, le=60)
    wave_t2_months: int = Field(default=12, ge=1, le=120)
    wave_follow_up_months: int = Field(default=6, ge=1, le=60)
    wave_due_window_days: int = Field(default=14, ge=0, le=180)
    wave_grace_days: int = Field(default=30, ge=0, le=365)
    work_engagement_min_group: int = Field(default=5, ge=2, le=100)
    # Notifications (api/notifications): e-mail over SMTP, text messages through a provider, and the rules.
    # Where people open the app: links in messages, and the demo's phone links, start with it.
    public_url: str = Field(default="http://127.0.0.1:8000", max_length=200)
    smtp_url: SecretStr | None = None
    smtp_ca_file: Path | None = None
    mail_from: str = "Bondgenoot <noreply@example.org>"
    mail_reply_to: str | None = None
    smtp_timeout_seconds: float = Field(default=20.0, gt=0, le=120)
    sms_provider: Literal["off", "cm"] = "off"
    sms_api_url: str = "https://gw.messaging.cm.com/v1.0/message"
    sms_api_token: SecretStr | None = None
    sms_sender: str = Field(default="Bondgenoot", max_length=11)
    notify_quiet_start_hour: int = Field(default=21, ge=0, le=23)
    notify_quiet_end_hour: int = Field(default=8, ge=0, le=23)
    notify_weekly_limit: int = Field(default=3, ge=1, le=50)
    notify_max_attempts: int = Field(default=6, ge=1, le=30)
    notify_backoff_seconds: float = Field(default=60.0, gt=0)
    notify_backoff_max_seconds: float = Field(default=21_600.0, gt=0)
    notify_lease_seconds: int = Field(default=60, ge=5)
    notify_pass_minutes: int = Field(default=10, ge=1, le=1440)
    # Who may receive messages: prefixes of e-mail domains ("@example.org") and numbers ("+3160000").
    # Unset: the demo's addresses only in development, anyone elsewhere.
    notify_recipient_allowlist: list[str] | None = None

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> "Settings":
        if self.environment != "development" and (
            not self.secret_key or self.secret_key == DEVELOPMENT_SECRET or len(self.secret_key) < 32
        ):
            raise ValueError(
                "BONDGENOOT_SECRET_KEY must be set to a random value of at least 32 characters "
                "outside development"
            )
        if self.environment == "production" and self.webhook_allow_loopback:
            raise ValueError("BONDGENOOT_WEBHOOK_ALLOW_LOOPBACK is for development and tests only")
        return self

    @property
    def recipient_allowlist(self) -> list[str]:
        if self.notify_recipient_allowlist is not None:
            return self.notify_recipient_allowlist
        return ["@example.org", "+3160000"] if self.environment == "development" else []

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings."""
    return Settings()
