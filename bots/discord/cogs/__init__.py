"""One cog per feature, loaded by the bot's setup_hook."""
