"""Server connections for publishing: FTP and FTPS (explicit TLS) with ftplib, SFTP with asyncssh.

Each takes paths relative to the site's folder on the server (`root`) and offers what
generator.publish.publish needs: read, size, makedirs, append from an offset, rename, delete.
"""

from __future__ import annotations

import asyncio
import contextlib
import ftplib
import io
import posixpath
import ssl
import threading
from collections.abc import Callable, Coroutine
from typing import Any, BinaryIO, TypeVar

from . import CHUNK

T = TypeVar("T")


class HostKeyUnknown(Exception):
    """The SFTP server's key is neither in known_hosts nor the one publish.yml names."""

    def __init__(self, fingerprint: str) -> None:
        super().__init__(fingerprint)
        self.fingerprint = fingerprint


class FtpTransport:
    def __init__(
        self, host: str, port: int | None, user: str, password: str, root: str, *, tls: bool,
        ca_file: str | None = None, timeout: float = 60,
    ) -> None:
        if tls:
            # Verify the server's certificate (ftplib's own default does not).
            context = ssl.create_default_context(cafile=ca_file)
            self.ftp: ftplib.FTP = ftplib.FTP_TLS(context=context, timeout=timeout)
        else:
            self.ftp = ftplib.FTP(timeout=timeout)
        self.ftp.connect(host, port or 21)
        if isinstance(self.ftp, ftplib.FTP_TLS):
            self.ftp.auth()
            self.ftp.login(user, password)
            self.ftp.prot_p()
        else:
            self.ftp.login(user, password)
        self.ftp.voidcmd("TYPE I")
        self.root = root.rstrip("/")
        if self.root:
            self.makedirs("")

    def _p(self, rel: str) -> str:
        return posixpath.join(self.root, rel) if self.root else rel

    def read(self, path: str) -> bytes | None:
        out = io.BytesIO()
        try:
            self.ftp.retrbinary(f"RETR {self._p(path)}", out.write)
        except ftplib.error_perm:
            return None
        return out.getvalue()

    def size(self, path: str) -> int | None:
        try:
            return self.ftp.size(self._p(path))
        except ftplib.error_perm:
            return None

    def makedirs(self, path: str) -> None:
        target = self._p(path)
        parts = [p for p in target.split("/") if p]
        current = "/" if target.startswith("/") else ""
        for part in parts:
            current = posixpath.join(current, part)
            with contextlib.suppress(ftplib.error_perm):  # there already (or not ours: the upload will say)
                self.ftp.mkd(current)

    def append(self, path: str, source: BinaryIO, offset: int, progress: Callable[[int], None]) -> None:
        command = f"APPE {self._p(path)}" if offset else f"STOR {self._p(path)}"
        try:
            self.ftp.storbinary(command, source, CHUNK, callback=lambda block: progress(len(block)))
        except BaseException:
            # Stopped midway: read the server's answer to the cut transfer, so the control connection
            # is in step again for what comes next (the manifest of what did arrive).
            with contextlib.suppress(Exception):
                self.ftp.voidresp()
            raise

    def rename(self, source: str, target: str) -> None:
        try:
            self.ftp.rename(self._p(source), self._p(target))
        except ftplib.error_perm:  # some servers do not replace a file on rename
            self.delete(target)
            self.ftp.rename(self._p(source), self._p(target))

    def delete(self, path: str) -> None:
        with contextlib.suppress(ftplib.error_perm):
            self.ftp.delete(self._p(path))

    def close(self) -> None:
        try:
            self.ftp.quit()
        except (OSError, EOFError, ftplib.Error):
            self.ftp.close()


class SftpTransport:
    """asyncssh's SFTP client driven from synchronous code through a private event loop."""

    def __init__(
        self, host: str, port: int | None, user: str, password: str | None, root: str, *,
        host_key: str | None = None, key_file: str | None = None, timeout: float = 60,
    ) -> None:
        import asyncssh

        self._asyncssh = asyncssh
        # The connection's own loop runs in its own thread, so publishing works from a program
        # that already runs an event loop in this thread (a test tool, a notebook, a GUI).
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        self._timeout = timeout
        self.root = root.rstrip("/")
        pinned = host_key.strip() if host_key else None
        seen: list[str] = []

        class Client(asyncssh.SSHClient):
            def validate_host_public_key(self, host: str, addr: str, port: int, key: Any) -> bool:
                # Called for a key that is not in ~/.ssh/known_hosts: accept only the one named in publish.yml.
                fingerprint = key.get_fingerprint("sha256")
                seen.append(fingerprint)
                return pinned is not None and fingerprint == pinned

        async def open_() -> tuple[Any, Any]:
            conn = await asyncssh.connect(
                host, port or 22, username=user, password=password or None,
                client_keys=[key_file] if key_file else (), client_factory=Client,
            )
            return conn, await conn.start_sftp_client()

        try:
            self._conn, self._sftp = self._run(open_())
        except (asyncssh.HostKeyNotVerifiable, ValueError) as exc:
            self._close_loop()
            if seen and pinned != seen[-1]:
                raise HostKeyUnknown(seen[-1]) from exc
            raise
        except BaseException:
            self._close_loop()
            raise
        if self.root:
            self.makedirs("")

    def _run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(asyncio.wait_for(coro, self._timeout), self._loop).result()

    def _close_loop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    def _p(self, rel: str) -> str:
        return posixpath.join(self.root, rel) if self.root else rel

    def read(self, path: str) -> bytes | None:
        async def go() -> bytes | None:
            try:
                async with self._sftp.open(self._p(path), "rb") as handle:
                    return bytes(await handle.read())
            except self._asyncssh.SFTPNoSuchFile:
                return None

        return self._run(go())

    def size(self, path: str) -> int | None:
        async def go() -> int | None:
            try:
                return (await self._sftp.stat(self._p(path))).size
            except self._asyncssh.SFTPNoSuchFile:
                return None

        return self._run(go())

    def makedirs(self, path: str) -> None:
        target = self._p(path) or "."
        self._run(self._sftp.makedirs(target, exist_ok=True))

    def append(self, path: str, source: BinaryIO, offset: int, progress: Callable[[int], None]) -> None:
        async def go() -> None:
            async with self._sftp.open(self._p(path), "r+b" if offset else "wb") as handle:
                position = offset
                while block := source.read(CHUNK):
                    await handle.write(block, position)
                    position += len(block)
                    progress(len(block))

        # No overall timeout for a whole file: each request has the connection's own.
        asyncio.run_coroutine_threadsafe(go(), self._loop).result()

    def rename(self, source: str, target: str) -> None:
        async def go() -> None:
            try:
                await self._sftp.posix_rename(self._p(source), self._p(target))
            except self._asyncssh.SFTPError:  # a server without OpenSSH's posix-rename
                with contextlib.suppress(self._asyncssh.SFTPNoSuchFile):
                    await self._sftp.remove(self._p(target))
                await self._sftp.rename(self._p(source), self._p(target))

        self._run(go())

    def delete(self, path: str) -> None:
        async def go() -> None:
            with contextlib.suppress(self._asyncssh.SFTPNoSuchFile):
                await self._sftp.remove(self._p(path))

        self._run(go())

    def close(self) -> None:
        async def go() -> None:
            self._sftp.exit()
            self._conn.close()
            await self._conn.wait_closed()

        try:
            self._run(go())
        finally:
            self._close_loop()
