"""Serve the knowledge base with Datasette, locally or as a read-only public site.

Behaviour comes from ``metadata.yml`` (descriptions, facets, canned queries,
dashboards); this module only adapts it to the database's name and chooses the
Datasette options. Public mode is read-only by construction: the database is opened
immutable with a pre-computed inspect file, arbitrary SQL is refused
(``allow_sql: false`` and ``default_allow_sql off``; canned queries still run),
queries have a time limit, and ``datasette-block-robots`` serves a robots policy.

A public site is served by several processes (one per core by default), each a
Datasette of its own on its own listening socket bound with ``SO_REUSEPORT`` to the
same port, so the kernel spreads connections over them: one Datasette renders pages
on one event loop, and under load it was the bottleneck with a core to spare (50
clients: 120 answers/s with the server at 49% of one core). The database cannot
change, so the processes need nothing from each other.
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import asgi_csrf
import uvicorn
import yaml
from datasette.app import Datasette

from ingest.errors import PresskbError
from kb.site.pages import warm

PROJECT_ROOT = Path(__file__).resolve().parent.parent
METADATA = PROJECT_ROOT / "metadata.yml"
TEMPLATE_DB = "kb"
PUBLIC_SETTINGS = {
    "default_allow_sql": "off",
    "sql_time_limit_ms": "1500",
    "facet_time_limit_ms": "500",
    "max_returned_rows": "1000",
    "allow_download": "off",
    "allow_csv_stream": "off",
    "suggest_facets": "off",
}


def public_datasette_settings() -> dict[str, bool | int]:
    """``PUBLIC_SETTINGS`` typed as ``Datasette(settings=...)`` takes them in-process."""
    return {k: v != "off" if v in ("on", "off") else int(v) for k, v in PUBLIC_SETTINGS.items()}


class PublishError(PresskbError):
    """The site cannot be served as asked (no database, bad metadata)."""

    code = "E500"


def metadata_for(
    db_path: Path, metadata_path: Path = METADATA, public: bool = False
) -> dict[str, Any]:
    """``metadata.yml`` with its database key renamed to the file's stem.

    Datasette names a database after its file, so ``news.db`` is ``news``; the
    descriptions and queries written for ``kb`` follow it. Outside
    public mode the owner may also run arbitrary SQL.
    """
    try:
        data = yaml.safe_load(metadata_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise PublishError(f"cannot read {metadata_path}: {exc}") from exc
    meta = {k: v for k, v in copy.deepcopy(data).items() if not k.startswith("x-")}
    name = db_path.stem
    databases = meta.get("databases", {})
    if TEMPLATE_DB in databases and name != TEMPLATE_DB:
        databases[name] = databases.pop(TEMPLATE_DB)
    if not public:
        meta.pop("allow_sql", None)
    return meta


def write_inspect_file(db_path: Path) -> Path:
    """Run ``datasette inspect`` so an immutable database serves without counting rows."""
    target = db_path.with_suffix(".inspect.json")
    subprocess.run(
        [sys.executable, "-m", "datasette", "inspect", str(db_path), "--inspect-file", str(target)],
        check=True,
        capture_output=True,
    )
    return target


def datasette_args(
    db_path: Path,
    metadata_file: Path,
    *,
    public: bool,
    host: str = "127.0.0.1",
    port: int = 8001,
    inspect_file: Path | None = None,
) -> list[str]:
    """The ``datasette serve`` arguments for a local or a public site."""
    args = ["serve", "-m", str(metadata_file), "-h", host, "-p", str(port)]
    if public:
        args += ["-i", str(db_path)]
        if inspect_file is not None:
            args += ["--inspect-file", str(inspect_file)]
        for name, value in PUBLIC_SETTINGS.items():
            args += ["--setting", name, value]
    else:
        args += [str(db_path)]
    return args


def serve(db_path: Path, *, public: bool, host: str, port: int, workers: int | None = None) -> int:
    """Start Datasette in the foreground; returns its exit code.

    In public mode ``workers`` processes serve the port (default: one per core). Locally
    this process becomes Datasette (``exec``), so a SIGTERM or Ctrl-C sent to
    ``presskb serve`` stops the server itself and leaves no orphan holding the port.
    """
    if not db_path.exists():
        raise PublishError(
            f"no knowledge base at {db_path}; run 'presskb build --db {db_path}' first"
        )
    metadata_file = db_path.with_suffix(".metadata.json")
    metadata_file.write_text(
        json.dumps(metadata_for(db_path, public=public), indent=2), encoding="utf-8"
    )
    if public:
        return serve_public(
            db_path,
            metadata_file,
            write_inspect_file(db_path),
            host=host,
            port=port,
            workers=workers or os.cpu_count() or 1,
        )
    args = datasette_args(db_path, metadata_file, public=public, host=host, port=port)
    return os.execv(sys.executable, [sys.executable, "-m", "datasette", *args])  # no return


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket listening on ``host:port`` that other processes may bind too."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(1024)
    sock.set_inheritable(True)
    return sock


def serve_public(
    db_path: Path, metadata_file: Path, inspect_file: Path, *, host: str, port: int, workers: int
) -> int:
    """Run ``workers`` Datasette processes on ``host:port``; stop them all on SIGTERM or
    Ctrl-C, and all of them when one ends; returns the first one's exit code.

    Every socket is bound here before any worker starts, so no connection can reach
    the port while only some workers listen (kept-alive connections would stay there).
    """
    sockets = [listening_socket(host, port) for _ in range(workers)]
    children = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "kb.publish",
                str(db_path),
                str(metadata_file),
                str(inspect_file),
                str(sock.fileno()),
                f"{host}:{port}",
            ],
            pass_fds=[sock.fileno()],
        )
        for sock in sockets
    ]
    for sock in sockets:
        sock.close()

    def stop(*_: object) -> None:
        for child in children:
            if child.poll() is None:
                child.terminate()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        # The first worker to end (or a signal) ends the site; WNOWAIT leaves it to be
        # reaped below with its exit code.
        os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOWAIT)
    except (KeyboardInterrupt, ChildProcessError):
        pass
    finally:
        stop()
        codes = [child.wait() for child in children]
        signal.signal(signal.SIGTERM, previous)
    return next((code for code in codes if code not in (0, -signal.SIGTERM)), 0)


# Random bytes read from the OS in bulk for the CSRF middleware's secrets (see below).
_RANDOM_POOL = bytearray()


def _pooled_secret(length: int) -> str:
    """``asgi_csrf.make_secret`` drawing from bytes the OS gave in bulk.

    Datasette's CSRF middleware signs a new token for every request that has no token
    cookie, which is every request of a reader who never posts; its ``make_secret``
    draws each character with ``secrets.choice``, one ``urandom`` system call each,
    and each call gives up the GIL and waits to get it back (a profile under 50 clients:
    16 calls, 3 ms, per uncached page). The same alphabet is drawn here from the OS's
    random bytes read 4 KB at a time, each byte used once (the event loop's thread is
    the only caller).
    """
    alphabet = asgi_csrf.allowed_chars
    fair = 256 - 256 % len(alphabet)  # bytes past the last whole alphabet would bias it
    chosen: list[str] = []
    while len(chosen) < length:
        if not _RANDOM_POOL:
            _RANDOM_POOL.extend(secrets.token_bytes(4096))
        byte = _RANDOM_POOL.pop()
        if byte < fair:
            chosen.append(alphabet[byte % len(alphabet)])
    return "".join(chosen)


def run_worker(
    db_path: Path, metadata_file: Path, inspect_file: Path, fd: int, address: str
) -> None:
    """One public worker: a Datasette as ``datasette serve -i`` makes it, on socket ``fd``,
    without the access log (a line per request costs CPU a busy site needs). The pages
    every reader opens are rendered first, for readers asking for ``address``."""
    ds = Datasette(
        [],
        immutables=[str(db_path)],
        inspect_data=json.loads(inspect_file.read_text(encoding="utf-8")),
        metadata=json.loads(metadata_file.read_text(encoding="utf-8")),
        settings=public_datasette_settings(),
    )
    ds.jinja_env.auto_reload = False  # the templates cannot change under a public site
    asgi_csrf.make_secret = _pooled_secret
    # The event loop gives up the GIL at every socket call and waited up to the default
    # 5 ms to get it back from a SQL thread rendering a page; at 1 ms the same load got
    # 228 answers/s instead of 148-177 (50 clients, load average 8-12 from other work).
    sys.setswitchinterval(0.001)
    loop = asyncio.get_event_loop_policy().get_event_loop()
    loop.run_until_complete(ds.invoke_startup())
    loop.run_until_complete(warm(ds, address))
    sock = socket.socket(fileno=fd)
    config = uvicorn.Config(ds.app(), log_level="warning", access_log=False, lifespan="on")
    uvicorn.Server(config).run(sockets=[sock])


if __name__ == "__main__":
    run_worker(
        Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    )
