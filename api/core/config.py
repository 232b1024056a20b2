"""Settings, read once from the environment (prefix BONDGENOOT_)."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEVELOPMENT_SECRET = "development-only-secret-change-me"
REPO_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    """Every setting of the service; the README's configuration table lists them."""

    model_config = SettingsConfigDict(env_prefix="BONDGENOOT_", env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"
    database_url: str = "sqlite:///./bondgenoot.db"
    secret_key: str = DEVELOPMENT_SECRET
    jwt_issuer: str = "bondgenoot"
    jwt_audience: str = "bondgenoot-api"
    access_token_minutes: int = Field(default=15, ge=1, le=30)
    refresh_token_days: int = Field(default=14, ge=1, le=90)
    demo_password: str = "bondgenoot-demo"
    # Where people open the app (the demo prints phone links as full URLs on this host).
    public_url: str = Field(default="http://127.0.0.1:8000", max_length=200)
    evaluation_debt_days: int = Field(default=90, ge=1, le=3650)
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

    @model_validator(mode="after")
    def _refuse_default_secret(self) -> "Settings":
        if self.environment != "development" and (
            not self.secret_key or self.secret_key == DEVELOPMENT_SECRET or len(self.secret_key) < 32
        ):
            raise ValueError(
                "BONDGENOOT_SECRET_KEY must be set to a random value of at least 32 characters "
                "outside development"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings."""
    return Settings()
