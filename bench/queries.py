"""The statements one request sends (for bench/run.py): the app in this process, on the same database."""

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def count_queries(env: dict[str, str]) -> Callable[[str, dict[str, str]], int]:
    """Run the app in this process on the same database and count the statements of one request."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    from fastapi.testclient import TestClient
    from sqlalchemy import event

    from api.core.db import get_engine
    from api.main import create_app

    client = TestClient(create_app())
    logging.disable(logging.INFO)  # the request log of every counted request
    seen = [0]

    @event.listens_for(get_engine(), "before_cursor_execute")
    def _count(*_args: object) -> None:
        seen[0] += 1

    def one(path: str, headers: dict[str, str]) -> int:
        client.get(path, headers=headers)  # warm caches, then count
        seen[0] = 0
        client.get(path, headers=headers)
        return seen[0]

    return one
