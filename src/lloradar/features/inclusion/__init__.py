"""Inclusie / inclusion: people at a distance from the labour market per region (issue 21)."""
