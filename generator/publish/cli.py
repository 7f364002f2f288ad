"""`prongsai publish`: settings from publish.yml and the environment, the password from the
environment or publish.secret, never from inside the content or the built site."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import Literal

from pydantic import ValidationError

from ..catalog import message_text
from ..errors import ContentErrors, error
from ..richtext import Strict
from ..validation import errors_from_validation
from ..yamlio import YamlError, read_yaml
from . import Outcome, Transport, publish

ENV = "PRONGSAI_PUBLISH_"  # PRONGSAI_PUBLISH_PASSWORD, _HOST, _USER, _PATH, _PROTOCOL, _PORT, _HOST_KEY
SECRET = "publish.secret"


class PublishSettings(Strict):
    protocol: Literal["sftp", "ftps", "ftp"] = "sftp"
    host: str = ""
    port: int | None = None
    user: str = ""
    path: str = ""
    host_key: str | None = None  # SFTP: the server key's SHA256 fingerprint, when not in ~/.ssh/known_hosts
    key_file: str | None = None  # SFTP: a private key instead of a password
    ca_file: str | None = None  # FTPS: the certificate authority of a server with its own certificate
    timeout: int = 60


def _say(key: str, err: bool = False, **params: object) -> None:
    print(message_text(key, **params), file=sys.stderr if err else sys.stdout)


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())


def load_settings(config: Path) -> PublishSettings:
    """publish.yml (if there) with PRONGSAI_PUBLISH_* from the environment on top. Raises ContentErrors."""
    data: dict[str, object] = {}
    located = None
    if config.is_file():
        try:
            located = read_yaml(config)
        except YamlError as exc:
            raise ContentErrors([exc.content_error]) from exc
        if located.data is not None and not isinstance(located.data, dict):
            raise ContentErrors([error(config, 1, "", "not_a_mapping")])
        data = dict(located.data or {})
    for name in PublishSettings.model_fields:
        value = os.environ.get(ENV + name.upper())
        if value:
            data[name] = value
    try:
        return PublishSettings.model_validate(data)
    except ValidationError as exc:
        if located is None:
            raise ContentErrors([error(config, None, "", "publish_bad_env", problem=str(exc))]) from exc
        raise ContentErrors(errors_from_validation(exc, located, PublishSettings)) from exc


def password_for(config: Path) -> str | None:
    if os.environ.get(ENV + "PASSWORD"):
        return os.environ[ENV + "PASSWORD"]
    secret = config.parent / SECRET
    if secret.is_file():
        lines = secret.read_text(encoding="utf-8").splitlines()
        return lines[0].strip() if lines else None
    return None


def connect(settings: PublishSettings, password: str | None) -> Transport:
    from .transports import FtpTransport, SftpTransport

    if settings.protocol == "sftp":
        return SftpTransport(settings.host, settings.port, settings.user, password, settings.path,
                             host_key=settings.host_key, key_file=settings.key_file, timeout=settings.timeout)
    return FtpTransport(settings.host, settings.port, settings.user, password or "", settings.path,
                        tls=settings.protocol == "ftps", ca_file=settings.ca_file, timeout=settings.timeout)


def run_publish(args: argparse.Namespace) -> int:
    site, config, content = args.site_dir, args.config, args.content
    if not (site / "index.html").is_file():
        _say("publish_no_site", err=True, site=site)
        return 2
    private = [p for p in (config, config.parent / SECRET) if p.exists()]
    for path in private:
        for folder in (content, site):
            if folder.exists() and _inside(path, folder):
                _say("publish_secret_inside", err=True, path=path, folder=folder)
                return 2
    try:
        settings = load_settings(config)
    except ContentErrors as exc:
        print(exc.format(Path.cwd()), file=sys.stderr)
        return 2
    if settings.key_file and any(_inside(Path(settings.key_file), f) for f in (content, site) if f.exists()):
        _say("publish_secret_inside", err=True, path=settings.key_file, folder=content)
        return 2
    if not settings.host:
        _say("publish_no_host", err=True, config=config)
        return 2
    if settings.protocol == "ftp":
        _say("publish_plain_ftp", err=True)
    return _transfer(site, settings, password_for(config), args.dry_run)


def _transfer(site: Path, settings: PublishSettings, password: str | None, dry_run: bool) -> int:
    from .transports import HostKeyUnknown

    where = f"{settings.protocol}://{settings.host}/{settings.path}"
    try:
        remote = connect(settings, password)
    except HostKeyUnknown as exc:
        _say("publish_host_key", err=True, host=settings.host, fingerprint=exc.fingerprint)
        return 2
    except Exception as exc:  # refused, unknown host, wrong password, TLS: say which, never a traceback
        _say("publish_connect_failed", err=True, where=where, problem=f"{type(exc).__name__}: {exc}")
        return 1
    try:
        outcome: Outcome = publish(site, remote, dry_run=dry_run)
    except Exception as exc:
        _say("publish_interrupted", err=True, where=where, problem=f"{type(exc).__name__}: {exc}")
        return 1
    finally:
        with contextlib.suppress(Exception):  # the connection may already be gone; nothing to clean up
            remote.close()
    key = "publish_dry_run" if dry_run else "publish_done"
    _say(key, where=where, sent=len(outcome.sent), unchanged=outcome.unchanged, deleted=len(outcome.deleted),
         resumed=outcome.resumed_bytes)
    return 0
