"""Practice mode: scripted scenarios, replies graded by a Rasa NLU model of their own."""
