"""Finding concepts by label: the matching rule and the cached index behind `overgang lookup`."""
