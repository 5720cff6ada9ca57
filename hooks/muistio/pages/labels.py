"""Finnish labels for values stored in English in the files (keys and enumerations stay stable)."""

STATUS = {
    "lead": "liidi",
    "contacted": "yhteydessä",
    "active": "aktiivinen",
    "partner": "kumppani",
    "dormant": "lepäävä",
}
