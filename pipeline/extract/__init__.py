"""Extraction stages: each turns an article's text and sentences into facts with offsets."""
