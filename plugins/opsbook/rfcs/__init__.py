"""RFCs: proposals with a review window, a DRI and a decision log (`rfcs/YYYY-MM-slug.md`)."""
