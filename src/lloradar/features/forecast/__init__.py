"""The forecast feature."""
