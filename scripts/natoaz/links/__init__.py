"""Link checks with lychee: the built site offline, and the URLs the data cites."""
