"""Article content: HTML to a document model, and the quotes and facts laid over its text."""
