"""Screens: the conversation, one article, the article browser, help, confirmation."""
