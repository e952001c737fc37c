"""Settings from environment variables (LLORADAR_*) and an optional lloradar.toml."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import SecretStr
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
    # Largest request body in bytes (413 above it), and on the file-upload routes.
    max_body: int = 1024 * 1024
    max_upload_body: int = 6 * 1024 * 1024
    # Behind a TLS-terminating proxy: trust its X-Forwarded-Proto for HSTS.
    trust_forwarded_proto: bool = False

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
