"""kb: the licensing troubleshooting assistant's knowledge base engine. Plain Python: no Textual here."""

from kb.article import Article
from kb.knowledge_base import KnowledgeBase, article_dirs, bundled_articles_dir
from kb.search import Match

__all__ = ["Article", "KnowledgeBase", "Match", "article_dirs", "bundled_articles_dir"]
__version__ = "0.1.0"
