"""Stromen / flows: transition matrices per region and the waterbed effect (issue 21)."""
