"""Link checks: the built site offline (our own one-pass checker), and the URLs the data cites (lychee)."""
