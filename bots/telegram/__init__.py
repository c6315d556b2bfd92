"""The Telegram door: python-telegram-bot 22 in front of the coach."""
