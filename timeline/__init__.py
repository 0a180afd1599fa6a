"""timeline: news articles in, ordered timelines of dated events out."""

__version__ = "0.1.0"
