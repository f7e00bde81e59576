"""A generator of realistic synthetic news corpora.

Events have one or more speakers with titles, a date, an account figure, groups,
platforms and demands; several outlets write each event up in their own words (with
different precision for the figure, other title wordings, another date phrase),
some outlets syndicate a copy with a new headline and their own boilerplate, and
every article ends in some site furniture. Copies come in the shapes real syndication
makes (``COPY_KINDS``): a new headline and tail, furniture longer than the body, a
paragraph dropped, added or moved, a copy cut short. Each outlet also prints lines of
its own that no shape rule knows (a motto over the body, a desk line inside it): only
their recurrence across the outlet's articles marks them as furniture. The outlets
of one event open with different lead sentences, as separate write-ups do, so no two
of them are copies of each other. Deterministic for a given seed.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FIRST = [
    "Mohsin",
    "Attaullah",
    "Shazia",
    "Fawad",
    "Sherry",
    "Khawaja",
    "Ahsan",
    "Marriyum",
    "Bilawal",
    "Azam",
    "Hina",
    "Murad",
    "Saira",
    "Tariq",
    "Nadia",
    "Imran",
    "Ayesha",
    "Kamran",
    "Zubair",
    "Rana",
]
LAST = [
    "Naqvi",
    "Tarar",
    "Marri",
    "Hussain",
    "Rehman",
    "Asif",
    "Iqbal",
    "Aurangzeb",
    "Zardari",
    "Nazeer",
    "Rabbani",
    "Shah",
    "Khan",
    "Fazal",
    "Qureshi",
    "Malik",
    "Siddiqui",
    "Abbasi",
    "Butt",
    "Sanaullah",
]
TITLES = [
    ("Interior Minister", "Minister for Interior"),
    ("Information Minister", "Federal Minister for Information"),
    ("Minister of State for Law", "State Minister for Law"),
    ("Foreign Office spokesperson", "spokesperson for the Foreign Office"),
    ("Defence Minister", "Minister for Defence"),
]
GROUPS = [
    ("TTP", "the Tehreek-e-Taliban Pakistan (TTP)", "the Pakistani Taliban"),
    ("BLA", "the Balochistan Liberation Army", "the BLA"),
    ("Daesh", "Daesh", "the Islamic State group"),
    ("LeT", "Lashkar-e-Taiba", "LeT"),
]
PLATFORMS = ["X", "Facebook", "Instagram", "WhatsApp", "Telegram", "TikTok", "YouTube"]
OUTLETS = [
    "The Daily Ledger",
    "Capital Times",
    "Frontier Post Online",
    "Morning Herald",
    "Wire Service",
    "Evening Courier",
    "The Observer PK",
    "News Desk 24",
]
# Mottos an outlet prints over its articles, and the desk line it sets inside them.
MOTTOS = [
    "the paper of the capital since 1954",
    "independent journalism for the people of the north",
    "reporting from the frontier since 1988",
    "news and views from across the province",
]
TOPICS = ["propaganda", "extremist content", "paid trends", "disinformation", "hate speech"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TAILS = [
    "\n\nRelated Articles\nMarkets close higher on Friday\nCricket board names new captain",
    "\n\nRead more: Flood warnings issued for the north\n\nScroll to Top",
    "\n\n#Pakistan #SocialMedia #Security",
    "\n\nFollow us on X and Facebook for the latest updates\n\nComments\nNo comments yet.",
    "",
]


COPY_KINDS = (
    "syndicated",
    "heavy furniture",
    "paragraph dropped",
    "paragraph added",
    "paragraph moved",
    "cut short",
)
MENU = "Home | News | Politics | Business | Sport | Opinion | Weather | E-paper | Subscribe"
COOKIES = (
    "We and our partners use cookies to personalise content and ads and to measure how our "
    "site is used. You can accept them all, refuse the optional ones or pick your own settings "
    "at any time from the privacy link at the bottom of each page."
)
HEADLINES = [
    "Wheat prices ease as harvest arrives early",
    "Provincial assembly passes revised budget",
    "Heatwave warning issued for southern districts",
    "Rail fares to rise from next month",
    "Football league announces new season dates",
    "Port authority reports record container traffic",
    "University entrance tests postponed by a week",
    "Power tariff cut approved for small businesses",
]


@dataclass(frozen=True)
class GeneratedArticle:
    """One file of the corpus; a copy names the file it copies and how it was made."""

    name: str
    text: str
    event: int
    duplicate_of: str | None = None
    copy_kind: str | None = None
    furniture: tuple[str, ...] = ()


def _heavy_furniture(rng: random.Random, outlet: str, body: str) -> str:
    """The body between a page's worth of menus, notices and related lists."""
    related = rng.sample(HEADLINES, 6)
    lead = [
        "Skip to content",
        MENU,
        COOKIES,
        "Accept all | Reject optional | Settings",
        "Home > Pakistan > Security",
        f"By {outlet} staff | Published 3 hours ago",
    ]
    tail = [
        "ppi-sec/kh-ar",
        f"© 2024 {outlet}. All rights reserved. This material may not be published, broadcast, "
        "rewritten or redistributed without written permission.",
        "Tags: Pakistan | Social media | Security | Accounts",
        "Share on Facebook · Share on X · Share on WhatsApp · Email",
        "Most read",
        *(f"{n}. {h}" for n, h in enumerate(related[:4], start=1)),
        "More from Pakistan",
        *related[4:],
        "Sign up for our morning newsletter and get the day's news in your inbox.",
        "About us | Contact | Advertise | Terms of use | Privacy policy",
    ]
    return "\n\n".join([*lead, body.strip(), *tail])


def _copy_of(rng: random.Random, body: str, kind: str, outlet: str, event: dict) -> str:
    """A copy of ``body`` (the paragraphs of the original) in the shape ``kind`` names."""
    paragraphs = [p for p in body.strip().split("\n\n") if p.strip()]
    if kind == "heavy furniture":
        return _heavy_furniture(rng, outlet, "\n\n".join(paragraphs))
    if kind == "paragraph dropped":
        del paragraphs[rng.randrange(1, len(paragraphs))]
    elif kind == "paragraph added":
        paragraphs.insert(
            rng.randrange(1, len(paragraphs) + 1),
            f"{outlet} could not independently verify the figures, and none of the companies "
            f"replied to questions sent after the briefing in {event['city']} by the evening.",
        )
    elif kind == "paragraph moved":
        paragraphs.insert(1, paragraphs.pop())
    elif kind == "cut short":
        paragraphs = paragraphs[:2]
    return "\n\n".join(paragraphs)


def _figure(rng: random.Random, n: int, precise: bool) -> str:
    if precise:
        return rng.choice([f"at least {n:,}", f"{n:,}", f"more than {n:,}", f"nearly {n:,}"])
    return "hundreds of" if n < 1000 else "thousands of"


def _outlet_lines(outlet: str) -> tuple[str, str]:
    """An outlet's motto line and desk line: the same on every article it prints."""
    motto = MOTTOS[sum(map(ord, outlet)) % len(MOTTOS)]
    return f"{outlet}, {motto}", f"{outlet} newsroom"


def _article(
    rng: random.Random, event: dict, outlet: str, index: int, lead_style: int
) -> tuple[str, str, tuple[str, ...]]:
    """The file's text, its body as a syndicating site takes it (without the outlet's
    own lines), and the outlet's lines printed in it."""
    speaker = event["speaker"]
    title = rng.choice(event["titles"])
    day = event["date"]
    published = day + dt.timedelta(days=rng.choice([0, 1]))
    when = rng.choice([f"on {WEEKDAYS[day.weekday()]}", f"on {day:%B} {day.day}"])
    figure = _figure(rng, event["count"], precise=rng.random() < 0.6)
    named = event["platforms"]
    platforms = ", ".join(named[:-1]) + f" and {named[-1]}" if len(named) > 1 else named[0]
    group_names = [rng.choice(g[1:]) for g in event["groups"]]
    groups = " and ".join(group_names) if group_names else "banned outfits"
    last = speaker.split()[-1]
    leads = [
        f"{title} {speaker} {when} said that {figure} social media accounts linked to {groups} "
        f"had been identified spreading {event['topic']}.",
        f"{figure.capitalize()} accounts tied to {groups} were found pushing {event['topic']}, "
        f"{title} {speaker} told reporters {when}.",
        f"According to {title} {speaker}, {figure} online accounts run by {groups} have been "
        f"traced; the announcement came {when}.",
        f"Investigators have flagged {figure} profiles that spread {event['topic']} for "
        f"{groups}, {title} {speaker} disclosed {when} in {event['city']}.",
    ]
    lead = leads[lead_style % len(leads)]
    others = [
        rng.choice(
            [
                f"Speaking at a press conference in {event['city']}, {last} said the accounts were "
                f"operated from abroad and used {platforms} to reach audiences.",
                f"The networks relied on {platforms}, {last} explained at the briefing in "
                f"{event['city']}, adding that most operators were based outside the country.",
                f"At the {event['city']} presser, {last} showed slides on how {platforms} were used "
                "to amplify the content.",
            ]
        ),
        rng.choice(
            [
                "The minister urged the companies to block and remove the accounts and to share "
                "information on the account holders with investigators.",
                f"{last} called on the platforms to take down the accounts and hand over details of "
                "the people running them.",
                "He asked technology firms to delete the profiles and to stop mirror accounts from "
                "reappearing after each ban.",
            ]
        ),
        rng.choice(
            [
                f"{last} added that the government would {event['stance']}.",
                f"The government, {last} said, would {event['stance']}.",
            ]
        ),
        rng.choice(
            [
                f"He said that {rng.randint(2, 9)} cases had been registered and more than "
                f"{rng.randint(20, 90)},000 posts reviewed in recent weeks.",
                f"Officials have reviewed some {rng.randint(20, 90)},000 posts since "
                f"{rng.choice(['January', 'March', 'June'])}, according to the ministry.",
                "There was no immediate response from the companies named.",
            ]
        ),
    ]
    rng.shuffle(others)
    paragraphs = [lead[0].upper() + lead[1:], *others]
    front = (
        f"---\nurl: https://example.org/{outlet.lower().replace(' ', '-')}/{index}\n"
        f"title: {speaker} says accounts spread {event['topic']}\n"
        f"published: {published.isoformat()}\nsource: {outlet}\n---\n"
    )
    body = "\n\n".join(paragraphs) + rng.choice(TAILS) + "\n"
    motto, desk = _outlet_lines(outlet)
    printed = [*paragraphs]
    planted: list[str] = []
    if rng.random() < 0.8:
        printed.insert(0, motto)
        planted.append(motto)
    if rng.random() < 0.5:
        printed.insert(len(printed) - 2, desk)
        planted.append(desk)
    text = front + "\n\n".join(printed) + body[len("\n\n".join(paragraphs)) :]
    return text, body, tuple(planted)


def generate(n_articles: int, seed: int = 7) -> Iterator[GeneratedArticle]:
    """Yield ``n_articles`` articles: events of 1-4 outlets, about 10% syndicated copies."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    produced = 0
    event_id = 0
    while produced < n_articles:
        event_id += 1
        first, last = rng.choice(FIRST), rng.choice(LAST)
        event = {
            "speaker": f"{first} {last}",
            "titles": rng.choice(TITLES),
            "date": start + dt.timedelta(days=rng.randint(0, 700)),
            "count": rng.choice([rng.randint(120, 950), rng.randint(1200, 9000)]),
            "platforms": rng.sample(PLATFORMS, rng.randint(1, 4)),
            "groups": rng.sample(GROUPS, rng.randint(0, 2)),
            "topic": rng.choice(TOPICS),
            "city": rng.choice(["Islamabad", "Lahore", "Karachi", "Quetta", "Peshawar"]),
            "stance": rng.choice(
                [
                    "not initiate legal proceedings at this stage",
                    "take legal action against those involved",
                ]
            ),
        }
        first_style = rng.randrange(4)
        for position, outlet in enumerate(rng.sample(OUTLETS, rng.randint(1, 4))):
            if produced >= n_articles:
                break
            name = f"e{event_id:06d}_{outlet.split()[-1].lower()}_{produced:06d}.txt"
            text, body, planted = _article(rng, event, outlet, produced, first_style + position)
            yield GeneratedArticle(name, text, event_id, furniture=planted)
            produced += 1
            if produced < n_articles and rng.random() < 0.1:
                copy = body.replace("social media", "social-media", 1) + rng.choice(TAILS)
                # A separate stream, so the rest of the corpus is the same whatever the copy.
                shaping = random.Random(f"{seed}-{produced}")
                kind = shaping.choice(COPY_KINDS)
                if kind != "syndicated":
                    copy = _copy_of(shaping, body, kind, f"Syndicate {produced}", event)
                syndicated = f"---\nsource: Syndicate {produced}\n---\nSyndicated: {event['speaker']} on accounts\n\n{copy}"
                yield GeneratedArticle(
                    f"{name[:-4]}_syndicated.txt",
                    syndicated,
                    event_id,
                    duplicate_of=name,
                    copy_kind=kind,
                )
                produced += 1


def write_corpus(folder: Path, n_articles: int, seed: int = 7) -> list[GeneratedArticle]:
    """Write a generated corpus into ``folder`` (one .txt per article)."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = list(generate(n_articles, seed))
    for article in articles:
        (folder / article.name).write_text(article.text, encoding="utf-8")
    return articles
