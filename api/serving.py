"""`bondgenoot serve --workers N`: N uvicorn processes, each with its own socket on the same port.

Every process binds the port with SO_REUSEPORT, so the kernel spreads new connections over the processes'
own accept queues (no shared socket that all processes wake up for, no supervisor in the request path).
A process that dies is started again; SIGTERM or SIGINT stops them all.
"""

import multiprocessing
import signal
import socket
import time
from types import FrameType
from typing import Any

import uvicorn

from api.core.config import get_settings


def _options() -> dict[str, Any]:
    # uvicorn's access log prints query strings (search text); our own request log does not.
    # X-Forwarded-For is believed only from these addresses (the reverse proxy), never from a client.
    return {
        "factory": True,
        "access_log": False,
        "proxy_headers": True,
        "forwarded_allow_ips": get_settings().trusted_proxies,
    }


def _config() -> uvicorn.Config:
    return uvicorn.Config("api.main:create_app", lifespan="on", **_options())


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on (host, port) that other processes may bind too."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def _run_one(host: str, port: int) -> None:
    config = _config()
    config.load()  # import the app first: the kernel routes connections to a socket as soon as it listens
    uvicorn.Server(config).run(sockets=[bind(host, port)])


def serve(host: str, port: int, workers: int = 1) -> None:
    """Serve the API on host:port with `workers` processes."""
    if workers <= 1:
        uvicorn.run("api.main:create_app", host=host, port=port, **_options())
        return
    context = multiprocessing.get_context("spawn")
    processes = [context.Process(target=_run_one, args=(host, port), daemon=True) for _ in range(workers)]
    stopping = False

    def _stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    for process in processes:
        process.start()
    while not stopping:
        time.sleep(0.5)
        for i, process in enumerate(processes):
            if not process.is_alive() and not stopping:
                processes[i] = context.Process(target=_run_one, args=(host, port), daemon=True)
                processes[i].start()
    for process in processes:
        process.terminate()
    for process in processes:
        process.join(timeout=10)
