"""LLO Radar: skills-based regional labour-market intelligence for the Netherlands."""

__version__ = "0.1.0"
