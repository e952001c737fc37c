"""Citizen panel (burgerpanel / citizen panel): survey waves, invitations, consent, answers, results and the CBS linkage export."""
