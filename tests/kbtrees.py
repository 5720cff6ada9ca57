"""Small knowledge-base trees for tests: two organisations and a memo that references them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

METROPOLIA = """---
name: Metropolia
contacts:
  - name: Petri Laitinen
    role: projektipäällikkö
    aliases: [Petri]
---
Korkeakoulu.
"""

SANOMA = """---
name: Sanoma WSOY
---
"""

GOOD_MEMO = """---
title: Tapaaminen
date: 2012-05-16
attendees: [petri-laitinen]
companies: [metropolia, sanoma-wsoy]
---
Keskusteltiin.
"""

TreeWriter = Callable[[dict[str, str | bytes]], Path]
