"""The knowledge base schema: tables, foreign keys, indexes, full-text search, views.

Applied by :func:`kb.store.open_db` through named migrations recorded in the
``_migrations`` table, as sqlite-utils' migrations do: a step runs once.
"""

from __future__ import annotations

TABLES: dict[str, str] = {
    "articles": """
        CREATE TABLE IF NOT EXISTS articles (
            article_id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            url TEXT, source TEXT, title TEXT, published TEXT,
            text TEXT NOT NULL,
            raw_hash TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            encoding TEXT,
            boilerplate TEXT,
            duplicate_of TEXT REFERENCES articles(article_id),
            similarity REAL,
            extraction_notes TEXT,
            ingested_at TEXT NOT NULL
        )""",
    "article_signatures": """
        CREATE TABLE IF NOT EXISTS article_signatures (
            article_id TEXT PRIMARY KEY REFERENCES articles(article_id),
            signature BLOB NOT NULL
        )""",
    "article_cuts": """
        CREATE TABLE IF NOT EXISTS article_cuts (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            line INTEGER NOT NULL,
            text TEXT NOT NULL,
            reason TEXT NOT NULL
        )""",
    "source_lines": """
        CREATE TABLE IF NOT EXISTS source_lines (
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            source TEXT NOT NULL,
            line TEXT NOT NULL,
            PRIMARY KEY (article_id, line)
        )""",
    "ingest_errors": """
        CREATE TABLE IF NOT EXISTS ingest_errors (
            id INTEGER PRIMARY KEY,
            path TEXT NOT NULL,
            reason TEXT NOT NULL,
            code TEXT,
            at TEXT NOT NULL
        )""",
    "speakers": """
        CREATE TABLE IF NOT EXISTS speakers (
            speaker_id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL
        )""",
    "claims": """
        CREATE TABLE IF NOT EXISTS claims (
            claim_id TEXT PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            speaker_id INTEGER REFERENCES speakers(speaker_id),
            text TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            cue TEXT, cue_start INTEGER, cue_end INTEGER,
            is_main INTEGER NOT NULL DEFAULT 0,
            said_on TEXT, said_on_text TEXT, said_on_start INTEGER, said_on_end INTEGER
        )""",
    "speaker_aliases": """
        CREATE TABLE IF NOT EXISTS speaker_aliases (
            id INTEGER PRIMARY KEY,
            speaker_id INTEGER NOT NULL REFERENCES speakers(speaker_id),
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            alias TEXT NOT NULL, kind TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL
        )""",
    "speaker_titles": """
        CREATE TABLE IF NOT EXISTS speaker_titles (
            id INTEGER PRIMARY KEY,
            speaker_id INTEGER NOT NULL REFERENCES speakers(speaker_id),
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            title TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL
        )""",
    "account_counts": """
        CREATE TABLE IF NOT EXISTS account_counts (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            claim_id TEXT REFERENCES claims(claim_id),
            text TEXT NOT NULL, min INTEGER, max INTEGER,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL
        )""",
    "groups": """
        CREATE TABLE IF NOT EXISTS groups (
            group_id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT
        )""",
    "group_mentions": """
        CREATE TABLE IF NOT EXISTS group_mentions (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            claim_id TEXT REFERENCES claims(claim_id),
            group_id TEXT NOT NULL REFERENCES groups(group_id),
            surface TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL
        )""",
    "platforms": """
        CREATE TABLE IF NOT EXISTS platforms (
            platform_id TEXT PRIMARY KEY,
            name TEXT NOT NULL
        )""",
    "platform_mentions": """
        CREATE TABLE IF NOT EXISTS platform_mentions (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            claim_id TEXT REFERENCES claims(claim_id),
            platform_id TEXT NOT NULL REFERENCES platforms(platform_id),
            surface TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL
        )""",
    "demands": """
        CREATE TABLE IF NOT EXISTS demands (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            claim_id TEXT REFERENCES claims(claim_id),
            label TEXT NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL
        )""",
    "statements": """
        CREATE TABLE IF NOT EXISTS statements (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            topic TEXT NOT NULL,
            stance TEXT NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL
        )""",
    "article_terms": """
        CREATE TABLE IF NOT EXISTS article_terms (
            article_id TEXT PRIMARY KEY REFERENCES articles(article_id),
            terms TEXT NOT NULL
        )""",
    "term_frequencies": """
        CREATE TABLE IF NOT EXISTS term_frequencies (
            term TEXT PRIMARY KEY,
            documents INTEGER NOT NULL
        )""",
    "events": """
        CREATE TABLE IF NOT EXISTS events (
            event_id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            said_on TEXT,
            first_published TEXT,
            last_published TEXT,
            outlets TEXT,
            article_count INTEGER NOT NULL,
            discrepancy_count INTEGER NOT NULL DEFAULT 0
        )""",
    "event_articles": """
        CREATE TABLE IF NOT EXISTS event_articles (
            event_id TEXT NOT NULL REFERENCES events(event_id),
            article_id TEXT NOT NULL REFERENCES articles(article_id),
            PRIMARY KEY (event_id, article_id)
        )""",
    "discrepancies": """
        CREATE TABLE IF NOT EXISTS discrepancies (
            id INTEGER PRIMARY KEY,
            event_id TEXT NOT NULL REFERENCES events(event_id),
            field TEXT NOT NULL,
            kind TEXT NOT NULL,
            article_a TEXT NOT NULL REFERENCES articles(article_id),
            article_b TEXT NOT NULL REFERENCES articles(article_id),
            value_a TEXT, value_b TEXT,
            a_start INTEGER, a_end INTEGER, b_start INTEGER, b_end INTEGER,
            explanation TEXT NOT NULL
        )""",
}

# Rows that belong to one article and are replaced whole when it is re-extracted.
ARTICLE_CHILD_TABLES = (
    "article_cuts",
    "source_lines",
    "demands",
    "platform_mentions",
    "group_mentions",
    "account_counts",
    "speaker_titles",
    "speaker_aliases",
    "statements",
    "claims",
)

INDEXES = (
    "CREATE INDEX IF NOT EXISTS idx_articles_path ON articles(path)",
    "CREATE INDEX IF NOT EXISTS idx_articles_duplicate_of ON articles(duplicate_of)",
    "CREATE INDEX IF NOT EXISTS idx_articles_source ON articles(source)",
    "CREATE INDEX IF NOT EXISTS idx_articles_published ON articles(published)",
    "CREATE INDEX IF NOT EXISTS idx_source_lines_line ON source_lines(source, line)",
    *(
        f"CREATE INDEX IF NOT EXISTS idx_{table}_article ON {table}(article_id)"
        for table in ARTICLE_CHILD_TABLES
    ),
    "CREATE INDEX IF NOT EXISTS idx_claims_speaker ON claims(speaker_id)",
    "CREATE INDEX IF NOT EXISTS idx_speaker_aliases_speaker ON speaker_aliases(speaker_id)",
    "CREATE INDEX IF NOT EXISTS idx_group_mentions_group ON group_mentions(group_id)",
    "CREATE INDEX IF NOT EXISTS idx_platform_mentions_platform ON platform_mentions(platform_id)",
    "CREATE INDEX IF NOT EXISTS idx_demands_label ON demands(label)",
    "CREATE INDEX IF NOT EXISTS idx_event_articles_article ON event_articles(article_id)",
    "CREATE INDEX IF NOT EXISTS idx_discrepancies_event ON discrepancies(event_id)",
    "CREATE INDEX IF NOT EXISTS idx_discrepancies_kind ON discrepancies(kind)",
)

# The stable contract read by outside evaluation: one row per article, JSON arrays as text.
ARTICLE_PROFILES = """
CREATE VIEW article_profiles AS
SELECT
    a.article_id,
    a.path,
    a.url,
    a.source,
    a.title,
    a.published,
    (SELECT c.said_on FROM claims c
      WHERE c.article_id = a.article_id AND c.is_main = 1) AS said_on,
    (SELECT c.said_on_text FROM claims c
      WHERE c.article_id = a.article_id AND c.is_main = 1) AS said_on_text,
    (SELECT json_group_array(name) FROM (
        SELECT s.name AS name FROM claims c JOIN speakers s ON s.speaker_id = c.speaker_id
         WHERE c.article_id = a.article_id
         GROUP BY s.speaker_id ORDER BY MIN(c.start))) AS speakers,
    (SELECT json_group_array(title) FROM (
        SELECT t.title AS title FROM speaker_titles t
         WHERE t.article_id = a.article_id
         GROUP BY t.title ORDER BY MIN(t.start))) AS speaker_titles,
    (SELECT json_group_array(json_object('text', x.text, 'min', x.min, 'max', x.max)) FROM (
        SELECT text, min, max FROM account_counts
         WHERE article_id = a.article_id ORDER BY start)  x) AS accounts,
    (SELECT json_group_array(group_id) FROM (
        SELECT group_id FROM group_mentions
         WHERE article_id = a.article_id
         GROUP BY group_id ORDER BY MIN(start))) AS groups,
    (SELECT json_group_array(platform_id) FROM (
        SELECT platform_id FROM platform_mentions
         WHERE article_id = a.article_id
         GROUP BY platform_id ORDER BY MIN(start))) AS platforms,
    (SELECT json_group_array(label) FROM (
        SELECT label FROM demands
         WHERE article_id = a.article_id
         GROUP BY label ORDER BY MIN(start))) AS demands,
    (SELECT ea.event_id FROM event_articles ea WHERE ea.article_id = a.article_id) AS event_id,
    a.duplicate_of
FROM articles a
"""


def _url_host(column: str) -> str:
    """SQL for the host of an http(s) URL in ``column`` (without ``www.``), else NULL."""
    rest = f"substr({column}, instr({column}, '://') + 3)"
    host = f"substr({rest}, 1, instr({rest} || '/', '/') - 1)"
    return (
        f"CASE WHEN {column} LIKE 'http://%' OR {column} LIKE 'https://%' THEN "
        f"CASE WHEN {host} LIKE 'www.%' THEN substr({host}, 5) ELSE {host} END END"
    )


def outlet_sql(alias: str) -> str:
    """SQL for the outlet of the article row ``alias``: its source, else its URL's host,
    NULL when nothing names it; never a file name (``kb.site.display.outlet`` in Python)."""
    return (
        f"coalesce(nullif(trim({alias}.source), ''), "
        f"{_url_host(f'{alias}.url')}, {_url_host(f'{alias}.path')})"
    )


# Every article's outlet, for canned queries and exports.
ARTICLE_OUTLETS = f"""
CREATE VIEW article_outlets AS
SELECT a.article_id, {outlet_sql("a")} AS outlet FROM articles a
"""

# Side-by-side coverage of one event: one row per outlet's article.
EVENT_COVERAGE = """
CREATE VIEW event_coverage AS
SELECT
    ea.event_id,
    p.article_id,
    {outlet} AS outlet,
    p.title,
    p.published,
    p.said_on,
    p.said_on_text,
    p.speakers,
    p.speaker_titles,
    p.accounts,
    p.groups,
    p.platforms,
    p.demands,
    (SELECT count(*) FROM discrepancies d
      WHERE d.event_id = ea.event_id
        AND (d.article_a = p.article_id OR d.article_b = p.article_id)) AS discrepancies
FROM event_articles ea JOIN article_profiles p ON p.article_id = ea.article_id
""".replace("{outlet}", outlet_sql("p"))

# Indexes behind the reader's pages (front page, speaker, group and feed), added by a
# later migration so existing knowledge bases get them too.
SITE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS idx_claims_speaker_article ON claims(speaker_id, article_id)",
    "CREATE INDEX IF NOT EXISTS idx_events_last_published ON events(last_published)",
    "CREATE INDEX IF NOT EXISTS idx_events_discrepancy_count ON events(discrepancy_count)",
    "CREATE INDEX IF NOT EXISTS idx_group_mentions_group_article"
    " ON group_mentions(group_id, article_id)",
)

# Covering indexes for the pages that read many rows (a group named in 20,000 articles):
# what they need is read from the index alone, never from the wide article rows.
SITE_COVERING_INDEXES = (
    "DROP INDEX IF EXISTS idx_group_mentions_group_article",
    "CREATE INDEX IF NOT EXISTS idx_group_mentions_group_cover"
    " ON group_mentions(group_id, article_id, surface, claim_id)",
    "CREATE INDEX IF NOT EXISTS idx_articles_outlet_cover"
    " ON articles(article_id, published, source, url, path, title)",
    "CREATE INDEX IF NOT EXISTS idx_claims_speaker_cover ON claims(claim_id, speaker_id)",
)

# What the reader pages aggregate over the whole knowledge base (the front page's
# counts and rankings, a group's speakers and outlets across thousands of articles),
# computed once at the end of each build (``kb.site.pages``) and read as one row: the
# front page took 326 ms and a group named in 20,000 articles 377 ms on a 100k KB.
SITE_PAGES = """
CREATE TABLE IF NOT EXISTS site_pages (
    page TEXT PRIMARY KEY,
    data TEXT NOT NULL
)"""

# The speaker page counts a speaker's titles (a scan of every title without it).
SITE_PAGE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS idx_speaker_titles_speaker ON speaker_titles(speaker_id, title)",
)

VIEWS = {
    "article_profiles": ARTICLE_PROFILES,
    "event_coverage": EVENT_COVERAGE,
    "article_outlets": ARTICLE_OUTLETS,
}
