"""Brede welvaart (broad welfare): participation, health, income and housing per region beside the labour data, from CBS StatLine tables loaded by table id."""
