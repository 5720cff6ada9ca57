"""What the operating system said, in Finnish too.

An OS error's own text (`strerror`) is in the system's language, English on our machines, and
ended up in the middle of Finnish sentences ("tiedostoa ei voitu lukea: Permission denied").
Problems carry the error number with the text, and a Finnish message says the common ones in
Finnish; a rare one keeps the system's words.
"""

from __future__ import annotations

import errno

FINNISH = {
    errno.EACCES: "ei käyttöoikeutta",
    errno.EPERM: "toiminto ei ole sallittu",
    errno.ENOENT: "tiedostoa tai kansiota ei ole",
    errno.ENOSPC: "levy on täynnä",
    errno.EDQUOT: "levytila on käytetty loppuun",
    errno.EROFS: "levylle ei voi kirjoittaa (vain luku)",
    errno.EISDIR: "se on kansio",
    errno.ENOTDIR: "polun osa ei ole kansio",
    errno.EEXIST: "tiedosto on jo olemassa",
    errno.ENAMETOOLONG: "nimi on liian pitkä",
    errno.ELOOP: "liian monta symbolista linkkiä peräkkäin",
    errno.EIO: "luku- tai kirjoitusvirhe laitteessa",
    errno.EBUSY: "laite tai tiedosto on varattu",
}


def os_error(error: OSError) -> dict[str, object]:
    """The `detail` of a problem about `error`, with its number for `render_message`."""
    return {"detail": error.strerror or str(error), "errno": error.errno}


def in_language(params: dict[str, object], lang: str) -> dict[str, object]:
    """`params` with a known OS error's `detail` in `lang`."""
    text = FINNISH.get(params["errno"]) if lang == "fi" and isinstance(params.get("errno"), int) else None
    return {**params, "detail": text} if text else params
