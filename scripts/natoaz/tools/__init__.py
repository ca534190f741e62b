"""Developer and editor tools: benchmark, Lighthouse, Zensical twin build, scaffolding, statistics."""
