import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
ARTICLES = REPO / "articles"


def run_kb(*args: str, stdin: str | bytes | None = None, env: dict | None = None, cwd: Path | None = None):
    """Run the real `kb` command line in a subprocess, as a user would."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    return subprocess.run(
        [sys.executable, "-m", "kb.cli", *args],
        input=data,
        capture_output=True,
        env=env,
        cwd=cwd or REPO,
        timeout=120,
    )


@pytest.fixture(scope="session")
def bundled_kb():
    from kb import KnowledgeBase

    return KnowledgeBase.load()


# Tests never read or write the user's real cache; subprocesses inherit this.
os.environ["KB_CACHE_DIR"] = tempfile.mkdtemp(prefix="kb-test-cache-")
