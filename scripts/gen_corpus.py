#!/usr/bin/env python3
"""Write a deterministic synthetic knowledge base for benchmarks and scale tests.

    python scripts/gen_corpus.py OUT --memos 1000 [--seed 1] [--words 400]

OUT gets memos/ (N memos spread over the years), companies/ (N/10 organisations with aliases,
contacts and offerings), and a site skeleton (mkdocs.yml and docs/ copied from this repository,
with the hook loaded from this repository), so `mkdocs build -f OUT/mkdocs.yml` builds it. The
text is Finnish-like filler under a few headings, some of it as bullet lists; about one sentence in
four names an organisation and one in eight a person, inflected (Laitisen, Kalevan Datassa), as in
real memos (an earlier version named someone in every sentence, which made linking look heavier
than it is). Every memo ends with an action item, and has tags. The same seed always writes the
same bytes. It refuses to write into this repository's own content.
"""

from __future__ import annotations

import argparse
import datetime
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

FIRST = ["Petri", "Anna", "Mikko", "Laura", "Juha", "Sanna", "Timo", "Kaisa", "Ville", "Riikka",
         "Jari", "Heidi", "Antti", "Minna", "Olli", "Tiina", "Markku", "Elina", "Pekka", "Noora"]
LAST = [("Laitinen", "Laitisen"), ("Virtanen", "Virtasen"), ("Korhonen", "Korhosen"),
        ("Mäkinen", "Mäkisen"), ("Nieminen", "Niemisen"), ("Hämäläinen", "Hämäläisen"),
        ("Koskinen", "Koskisen"), ("Heikkilä", "Heikkilän"), ("Järvinen", "Järvisen"),
        ("Lehtonen", "Lehtosen"), ("Salo", "Salon"), ("Aalto", "Aallon")]
STEMS = ["Kalevan", "Pohjolan", "Suomen", "Helsingin", "Tampereen", "Oulun", "Lapin", "Saimaan",
         "Vantaan", "Espoon", "Nordic", "Baltic", "Arctic", "Aurora", "Sisu", "Kide", "Revontuli"]
KINDS = ["Data", "Media", "Rakennus", "Energia", "Logistiikka", "Ohjelmisto", "Kustannus", "Design",
         "Konsultointi", "Teknologia", "Musiikki", "Terveys", "Rahoitus", "Koulutus"]
ENDINGS = ["", "n", "ssa", "sta", "lle", "lla", "n kanssa", "a"]
INDUSTRIES = ["Ohjelmistot", "Media", "Rakentaminen", "Energia", "Logistiikka", "Koulutus", "Rahoitus"]
STATUSES = ["lead", "contacted", "active", "partner", "dormant"]
TAGS = ["kontaktointi", "rekrytointi", "harjoittelu", "tuotteistus", "opinnäytetyö", "tapahtuma",
        "rahoitus", "tutkimus", "markkinointi", "kumppanuus"]
WORDS = ("keskusteltiin sovittiin yhteistyö mahdollisuus projekti opiskelijat harjoittelu kevät syksy "
         "tapaaminen seuraava vaihe tarjous budjetti aikataulu kumppanuus koulutus palvelu asiakas "
         "tuote kehittäminen tutkimus tavoite vastuu rekrytointi markkinointi viestintä tapahtuma "
         "rahoitus hanke toteutus arviointi palaute suunnitelma työpaja esittely verkosto").split()
# Everyday words of a memo, so that most sentences name no one (as in real memos) and the search
# index holds a realistic variety of words rather than forty repeated ones.
FILLER = ("ja että on oli ei se ne he me myös vielä jo nyt sitten kun jos mutta koska vaikka niin kuin "
          "kanssa osalta mukaan lisäksi erityisesti alustavasti tarkemmin myöhemmin viikolla ensi "
          "kuussa vuoden aikana toimesta kautta asiasta asiaa asiat olisi voisi pitäisi tulee "
          "tarvitaan halutaan haluavat kertoi kertoivat totesi ehdotti lupasi pohtii selvittää "
          "lähettää valmistelee kokoaa esittelee sopii käy läpi tapaavat uudelleen keväällä syksyllä "
          "opiskelijaryhmä kurssi opintojakso opinnäytetyö harjoittelupaikka työnhaku messut seminaari "
          "verkkosivut sopimus hinta laskutus kustannukset resurssit henkilöstö tiimi yksikkö "
          "johtoryhmä päätös ehdotus luonnos raportti kysely tulokset tilanne taustaa nykyinen uusi "
          "laaja pieni suuri tärkeä kiinnostava selkeä avoin yhteinen sopiva nopea hidas kallis edullinen "
          "digitaalinen kansainvälinen paikallinen alueellinen kestävä vastuullinen ketterä pilotti "
          "kokeilu malli prosessi työkalu järjestelmä alusta rajapinta data analytiikka tietoturva "
          "käyttäjä asiakaskokemus palvelumuotoilu brändi sisältö kampanja some uutiskirje tiedote").split()
SECTIONS = ["Taustaa", "Keskustelu", "Havaintoja", "Jatko"]

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--memos", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--words", type=int, default=400)
    parser.add_argument("--no-site", action="store_true", help="only memos/ and companies/")
    args = parser.parse_args(argv)
    out = args.out.resolve()
    if out == REPO or REPO in out.parents and not str(out).startswith(str(REPO / "test-artifacts")):
        print(f"refusing to write into the repository ({out}); name a folder outside it", file=sys.stderr)
        return 2
    if (out / "memos").exists() or (out / "companies").exists():
        print(f"{out} already holds a knowledge base; name an empty folder", file=sys.stderr)
        return 2
    generate(out, args.memos, args.seed, args.words, site=not args.no_site)
    print(out)
    return 0


def generate(out: Path, memo_count: int, seed: int = 1, words: int = 400, site: bool = True) -> None:
    rng = random.Random(seed)
    companies = _companies(rng, max(5, memo_count // 10))
    people = [(c["slug"], p) for c in companies for p in c["contacts"]]
    (out / "companies").mkdir(parents=True)
    for company in companies:
        (out / "companies" / f"{company['slug']}.md").write_text(_company_file(company), encoding="utf-8")
    start = datetime.date(2012, 1, 2)
    span = (datetime.date(2026, 11, 1) - start).days
    used: set[str] = set()
    for index in range(memo_count):
        date = start + datetime.timedelta(days=rng.randrange(span))
        company = rng.choice(companies)
        others = rng.sample(companies, k=min(2, len(companies)))
        slug = f"tapaaminen-{company['slug']}-{index}"
        name = f"{date.isoformat()}-{slug}"
        if name in used:
            continue
        used.add(name)
        attendees = [p["slug"] for p in company["contacts"][:2]]
        folder = out / "memos" / str(date.year)
        folder.mkdir(parents=True, exist_ok=True)
        body = _body(rng, company, others, people, date, words)
        front = (
            f"---\ntitle: Tapaaminen {company['name']}:n kanssa\ndate: {date.isoformat()}\n"
            f"attendees: [{', '.join(attendees)}]\ncompanies: [{company['slug']}]\n"
            f"tags: [{', '.join(rng.sample(TAGS, k=2))}]\n---\n\n"
        )
        (folder / f"{name}.md").write_text(front + body, encoding="utf-8")
    if site:
        _site_skeleton(out)


def _companies(rng: random.Random, count: int) -> list[dict]:
    companies: list[dict] = []
    names: set[str] = set()
    person_slugs: set[str] = set()
    aliases: set[str | None] = set()
    while len(companies) < count:
        name = f"{rng.choice(STEMS)} {rng.choice(KINDS)}"
        if len(names) >= len(STEMS) * len(KINDS) // 2:
            name = f"{name} {len(companies)}"
        if name in names:
            continue
        names.add(name)
        slug = name.lower().replace(" ", "-").replace("ä", "a").replace("ö", "o")
        contacts = []
        for _ in range(2):
            first = rng.choice(FIRST)
            last, genitive = rng.choice(LAST)
            person = f"{first}-{last}".lower().replace("ä", "a").replace("ö", "o")
            if person in person_slugs:
                person = f"{person}-{slug}"
            if person in person_slugs:  # the same name drawn twice for one organisation
                person = f"{person}-2"
            person_slugs.add(person)
            contacts.append({"name": f"{first} {last}", "slug": person, "genitive": genitive})
        alias: str | None = f"{name.split()[0]} {name.split()[1][:3].upper()}"
        if alias in aliases:  # "Arctic Data 167" would share "Arctic DAT" with "Arctic Data"
            alias = None
        aliases.add(alias)
        companies.append({
            "name": name, "slug": slug, "alias": alias,
            "industry": rng.choice(INDUSTRIES), "status": rng.choice(STATUSES), "contacts": contacts,
        })
    return companies


def _company_file(company: dict) -> str:
    contacts = "".join(
        f"  - name: {c['name']}\n    slug: {c['slug']}\n    role: yhteyshenkilö\n" for c in company["contacts"]
    )
    return (
        f"---\nname: {company['name']}\n"
        + (f"aliases: [{company['alias']}]\n" if company["alias"] else "")
        + f"industry: {company['industry']}\n"
        f"status: {company['status']}\ncontacts:\n{contacts}---\n\n{company['name']} on synteettinen "
        "organisaatio suorituskykymittauksia varten.\n"
    )


def _body(rng: random.Random, company: dict, others: list[dict], people: list, date: datetime.date,
          words: int) -> str:
    """About ``words`` words under a few headings, with a task list at the end.

    Like a real memo, most sentences name no one: about one in four names an organisation
    (usually the memo's own, sometimes in an inflected form or by its alias) and one in eight a
    contact person, often by the surname alone (Laitisen). Some paragraphs are bullet lists.
    """
    sections: list[str] = []
    count = 0
    per_section = max(1, words // len(SECTIONS))
    for title in SECTIONS:
        blocks: list[str] = []
        written = 0
        while written < per_section and count < words:
            bullets = rng.random() < 0.2
            sentences = [_sentence(rng, company, others) for _ in range(rng.randint(2, 5))]
            written += sum(len(sentence.split()) for sentence in sentences)
            if bullets:
                blocks.append("\n".join(f"- {sentence}" for sentence in sentences))
            else:
                blocks.append(" ".join(sentences))
        count += written
        if blocks:
            sections.append(f"## {title}\n\n" + "\n\n".join(blocks))
    owner = rng.choice(company["contacts"])["slug"]
    due = date + datetime.timedelta(days=rng.randint(7, 60))
    done = "x" if rng.random() < 0.5 else " "
    items = f"- [{done}] @{owner} Lähettää tarjouksen (due {due.isoformat()})\n"
    return "\n\n".join(sections) + f"\n\n## Sovitut toimenpiteet\n\n{items}"


def _sentence(rng: random.Random, company: dict, others: list[dict]) -> str:
    sentence_words = [rng.choice(FILLER) if rng.random() < 0.7 else rng.choice(WORDS)
                      for _ in range(rng.randint(6, 14))]
    roll = rng.random()
    if roll < 0.25:
        mentioned = company if rng.random() < 0.7 else rng.choice(others)
        ending = rng.choice(ENDINGS)
        if rng.random() < 0.15 and mentioned["alias"]:  # the alias ends in an abbreviation: Tampereen TEK:n
            name, ending = mentioned["alias"], ":" + ending if ending[:1].isalpha() else ending
        else:
            name = mentioned["name"]
        sentence_words.insert(rng.randrange(1, len(sentence_words)), f"{name}{ending}")
    elif roll < 0.375:
        contact = rng.choice(company["contacts"])
        first, _ = contact["name"].split(" ", 1)
        person = contact["genitive"] if rng.random() < 0.5 else f"{first} {contact['genitive']}"
        sentence_words.insert(rng.randrange(0, len(sentence_words)), person)
    sentence = " ".join(sentence_words)
    return sentence[0].upper() + sentence[1:] + "."


def _site_skeleton(out: Path) -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("hooks/muistio_hook.py", str(REPO / "hooks" / "muistio_hook.py"))
    (out / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "docs", out / "docs", dirs_exist_ok=True)


if __name__ == "__main__":
    sys.exit(main())
