"""Settings from environment variables (LLORADAR_*) and an optional lloradar.toml."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


class Settings(BaseSettings):
    """`store` is a DuckDB file path or a postgresql:// URL."""

    model_config = SettingsConfigDict(env_prefix="LLORADAR_", toml_file="lloradar.toml")

    store: str = "lloradar.duckdb"
    shared_data: Path = Path("../shared/data")
    lang: Literal["nl", "en"] = "nl"
    # Key of the keyed hash (HMAC-SHA256) that turns participant ids into pseudonyms.
    pseudonym_key: SecretStr = SecretStr("")
    # The SMTP server that sends the e-mail outbox of the alerts (`lloradar alerts run`).
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_from: str = "meldingen@lloradar.localhost"
    # Refuse to send when the SMTP server offers no STARTTLS (else STARTTLS whenever offered).
    smtp_require_tls: bool = False
    # Cookies with `Secure` and the `__Host-` prefix; off only for plain http on 127.0.0.1
    # (`make demo`, the tests).
    cookie_secure: bool = True
    # Largest request body in bytes (413 above it), and on the file-upload routes.
    max_body: int = 1024 * 1024
    max_upload_body: int = 6 * 1024 * 1024
    # Behind a TLS-terminating proxy: trust its X-Forwarded-Proto for HSTS.
    trust_forwarded_proto: bool = False
    # The heavy routes (skill extraction, CV files, PDFs; web/heavy.py): per client IP at most
    # `heavy_per_minute` a minute, and at most `heavy_concurrent` at once per worker.
    heavy_per_minute: int = Field(default=30, ge=1)
    heavy_concurrent: int = Field(default=2, ge=1)
    # The server (`lloradar serve`, docs/operations.md): worker processes; on PostgreSQL a pool
    # of `pool_min_size`..`pool_max_size` connections per worker, a request waiting at most
    # `pool_timeout` seconds for one (then 503); every statement of a page is cancelled after
    # `statement_timeout_ms` (0: never). The command line keeps one connection, without timeout.
    workers: int = Field(default=1, ge=1)
    pool_min_size: int = Field(default=1, ge=0)
    pool_max_size: int = Field(default=16, ge=1)
    pool_timeout: float = Field(default=10.0, gt=0)
    statement_timeout_ms: int = Field(default=15_000, ge=0)
    # Apply the pending migrations when the server starts (else it refuses an older schema).
    migrate_on_start: bool = True
    # Keep anonymous GET answers this many seconds per worker (0: off). Never a request with a
    # session cookie or Authorization header, never an answer that sets a cookie or says no-store.
    page_cache_seconds: float = Field(default=0.0, ge=0)
    # One JSON object per log line (with the request id), or plain text for a terminal.
    log_format: Literal["json", "text"] = "json"
    # With several workers: the folder where each keeps its Prometheus metrics (made by serve).
    metrics_dir: Path | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls))

    @property
    def has_shared_data(self) -> bool:
        return self.shared_data.is_dir()


def get_settings() -> Settings:
    return Settings()
