"""yamlfile."""
