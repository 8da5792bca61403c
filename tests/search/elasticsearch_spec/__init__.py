"""What the Elasticsearch 9 specification allows in a request, for the tests' stand-in."""
