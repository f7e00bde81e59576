"""kb: the knowledge base (store, build loop, publishing, CLI). The only SQLite writer."""

import logging

logging.getLogger(__name__).addHandler(logging.NullHandler())
