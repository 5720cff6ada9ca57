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

FOLLOWUPS_MEMO = """---
title: Tapaaminen
date: 2012-05-16
companies: [sanoma-wsoy]
---
- [ ] @liisa-makela Lähettää tarjouksen (due 2012-06-15)
- [ ] @liisa-makela Ilman määräaikaa
- [x] @liisa-makela Tehty (due 2012-06-01)
"""
"""Follow-ups: one open with a due date, one open without, one done."""

TreeWriter = Callable[[dict[str, str | bytes]], Path]
