"""The roadmap (`ROADMAP.md`): Now / Next / Later items, each with a DRI."""
