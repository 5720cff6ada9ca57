"""Per-build settings the adapters pass to the pipeline.

`today` is a setting, not a call to `date.today()` deep in the core, so that overdue items and
quiet relationships can be tested (and a build reproduced) with a fixed date.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass, field

from muistio.relationships import DEFAULT_QUIET_DAYS

TODAY_VARIABLE = "MUISTIO_TODAY"
"""Environment variable that fixes "today" (YYYY-MM-DD) for reproducible builds and tests."""


def default_today() -> datetime.date:
    fixed = os.environ.get(TODAY_VARIABLE, "").strip()
    if fixed:
        try:
            return datetime.date.fromisoformat(fixed)
        except ValueError:
            pass
    return datetime.date.today()


@dataclass(frozen=True)
class Settings:
    today: datetime.date = field(default_factory=default_today)
    quiet_days: int = DEFAULT_QUIET_DAYS
    """A tracked relationship with no memo for longer than this is listed as quiet."""
    public: bool = False
    """Build the public site: leave out what is marked internal and contacts' private fields."""
    workers: int = 1
    """Processes for linking memos: `extra.muistio.workers` under `mkdocs build` (see the hook), one under serve."""
    directory_urls: bool = True
    """Whether pages are served as `page/` (MkDocs' default) or `page.html`, for links built in scripts."""
