"""Custom dialogue policies (registered with Rasa through config.yml)."""
