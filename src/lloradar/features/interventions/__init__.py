"""The interventions feature."""
