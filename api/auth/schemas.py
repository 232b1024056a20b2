"""Token endpoint answers."""

from pydantic import BaseModel, Field


class TokenResponse(BaseModel):
    """An OAuth2 token answer (RFC 6749 section 5.1)."""

    access_token: str
    token_type: str = Field(default="bearer", examples=["bearer"])
    expires_in: int = Field(description="Seconds until the access token expires.", examples=[900])
    refresh_token: str | None = None
    scope: str | None = None
