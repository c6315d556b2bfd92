"""Custom Rasa actions, one module per coaching flow."""
